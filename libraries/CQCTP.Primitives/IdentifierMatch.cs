namespace CQCTP.Primitives;

/// <summary>A direct identifier found in free text: what it looks like and where (UTF-16 offset and length).</summary>
public sealed record IdentifierMatch(IdentifierKind Kind, int Start, int Length, string Text);
