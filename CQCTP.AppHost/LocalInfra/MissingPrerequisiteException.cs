namespace CQCTP.AppHost.LocalInfra;

public sealed class MissingPrerequisiteException(string message) : Exception(message);
