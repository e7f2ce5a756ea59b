using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CQCTP.ServiceDefaults.Problems;

/// <summary>One field's error: where (camelCase path), what (stable code) and a message in the caller's language.</summary>
public sealed record FieldError(string Code, string Message);

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

    public static ProblemHttpResult Validation(string field, FieldError error) =>
        Validation(new Dictionary<string, FieldError[]> { [field] = [error] });

    /// <summary>A business rule on a well-formed request (422), with its own stable code.</summary>
    public static ProblemHttpResult Rule(string code, Localized message)
    {
        var problem = Create(ProblemCatalog.BusinessRuleViolated, message.Current);
        problem.Extensions["rule"] = code;
        return TypedResults.Problem(problem);
    }
}

/// <summary>
/// Thrown from domain code when a request cannot be honoured; the exception handler turns it into ProblemDetails.
/// Handlers that can return a result directly should prefer <see cref="ApiProblems"/>.
/// </summary>
public sealed class ApiProblemException(ProblemKind kind, Localized? detail = null,
    IReadOnlyDictionary<string, FieldError[]>? errors = null) : Exception(kind.Code)
{
    public ProblemKind Kind { get; } = kind;
    public Localized? LocalizedDetail { get; } = detail;
    public IReadOnlyDictionary<string, FieldError[]>? Errors { get; } = errors;
}
