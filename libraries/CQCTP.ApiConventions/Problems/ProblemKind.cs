using CQCTP.Primitives;

namespace CQCTP.ApiConventions.Problems;

/// <summary>One kind of error: a stable machine code, its HTTP status and a title in both languages.</summary>
public sealed record ProblemKind(string Code, int Status, Localized Title)
{
    public string Type => ProblemCatalog.TypeUri(Code);
}
