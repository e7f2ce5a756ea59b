namespace CQCTP.ApiConventions.Problems;

/// <summary>One field's error: where (camelCase path), what (stable code) and a message in the caller's language.</summary>
public sealed record FieldError(string Code, string Message);
