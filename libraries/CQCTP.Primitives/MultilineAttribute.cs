namespace CQCTP.Primitives;

/// <summary>
/// Marks text that may span lines (descriptions, minutes): tabs and line breaks are allowed there. Every other text
/// field refuses all control characters.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class MultilineAttribute : Attribute;
