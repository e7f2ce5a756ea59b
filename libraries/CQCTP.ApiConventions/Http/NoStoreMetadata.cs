namespace CQCTP.ApiConventions.Http;

/// <summary>Marks an endpoint whose responses carry personal fields or secrets: no cache may keep them.</summary>
public sealed class NoStoreMetadata;
