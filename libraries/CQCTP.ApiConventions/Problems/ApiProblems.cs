using CQCTP.Primitives;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CQCTP.ApiConventions.Problems;

/// <summary>Builds the ProblemDetails results that handlers return.</summary>
public static class ApiProblems
{
    public static ProblemDetails Create(ProblemKind kind, string? detail = null,
        IReadOnlyDictionary<string, FieldError[]>? errors = null)
    {
        var problem = new ProblemDetails
        {
            Status = kind.Status,
            Type = kind.Type,
            Title = kind.Title.Current,
            Detail = detail,
        };
        problem.Extensions["code"] = kind.Code;
        if (errors is { Count: > 0 })
        {
            problem.Extensions["errors"] = errors;
        }

        return problem;
    }

    public static ProblemHttpResult Result(ProblemKind kind, string? detail = null,
        IReadOnlyDictionary<string, FieldError[]>? errors = null) =>
        TypedResults.Problem(Create(kind, detail, errors));

    public static ProblemHttpResult NotFound() => Result(ProblemCatalog.NotFound);

    public static ProblemHttpResult Validation(IReadOnlyDictionary<string, FieldError[]> errors) =>
        Result(ProblemCatalog.ValidationFailed, errors: errors);

    /// <summary>A business rule on a well-formed request (422), with its own stable code.</summary>
    public static ProblemHttpResult Rule(string code, Localized message) =>
        TypedResults.Problem(WithRule(ProblemCatalog.BusinessRuleViolated, code, message));

    /// <summary>
    /// A domain class's refusal: 409 <c>conflict</c> for a state it cannot leave that way, 422
    /// <c>business-rule-violated</c> for a rule; the domain's own code is the <c>rule</c>.
    /// </summary>
    public static ProblemDetails FromDomain(DomainException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var kind = exception.Kind == DomainRuleKind.StateConflict ? ProblemCatalog.Conflict : ProblemCatalog.BusinessRuleViolated;
        return WithRule(kind, exception.Code, exception.LocalizedMessage);
    }

    private static ProblemDetails WithRule(ProblemKind kind, string code, Localized message)
    {
        var problem = Create(kind, message.Current);
        problem.Extensions["rule"] = code;
        return problem;
    }
}
