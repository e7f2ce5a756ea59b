namespace CQCTP.ApiConventions.Http;

/// <summary>One refused field in the identifier guard's 422: the stable code, a message, and the offending span.</summary>
public sealed record IdentifierError(string Code, string Message, string Kind, int Start, int Length);
