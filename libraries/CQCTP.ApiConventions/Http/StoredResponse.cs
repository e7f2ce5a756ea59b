namespace CQCTP.ApiConventions.Http;

public sealed record StoredResponse(byte[] RequestHash, int Status, IReadOnlyDictionary<string, string> Headers, byte[] Body);
