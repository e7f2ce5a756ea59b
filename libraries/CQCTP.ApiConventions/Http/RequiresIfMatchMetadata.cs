namespace CQCTP.ApiConventions.Http;

/// <summary>Marks endpoints that need <c>If-Match</c>, for OpenAPI and the convention tests.</summary>
public sealed class RequiresIfMatchMetadata;
