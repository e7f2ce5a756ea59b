using System.Text.Json.Nodes;

namespace CQCTP.ReliabilityTests.OpenApi;

public sealed record ApiParameter(string Name, string In, bool Required, JsonObject? Schema);
