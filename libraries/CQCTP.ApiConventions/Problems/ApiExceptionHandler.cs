using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using CQCTP.ApiConventions.Resilience;
using CQCTP.ApiConventions.Validation;
using CQCTP.Primitives;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CQCTP.ApiConventions.Problems;

/// <summary>
/// Maps the failures we know to ProblemDetails with a stable code; anything else is a 500 without internals.
/// </summary>
public sealed partial class ApiExceptionHandler(IProblemDetailsService problemDetails, ILogger<ApiExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            DomainException domain => ApiProblems.FromDomain(domain),
            BadHttpRequestException bad => FromBadRequest(bad, logger),
            // A form value ASP.NET Core cannot decode (a %00, say) fails while the form is read, before any handler.
            InvalidDataException when httpContext.Request.HasFormContentType =>
                ApiProblems.Create(ProblemCatalog.MalformedRequest, ValidationMessages.MalformedForm.Current),
            DbUpdateConcurrencyException => ApiProblems.Create(ProblemCatalog.PreconditionFailed),
            DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } } =>
                ApiProblems.Create(ProblemCatalog.Duplicate),
            OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested => null,
            _ when DependencyUnavailable.IsDatabaseUnavailable(exception) => ApiProblems.Create(ProblemCatalog.ServiceUnavailable),
            _ => ApiProblems.Create(ProblemCatalog.InternalError),
        };

        if (problem is null)
        {
            return true;
        }

        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = DependencyUnavailable.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        }

        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            // Expected while a dependency is down or overloaded, then once per request: one line without the stack,
            // so the log does not become the next bottleneck.
            LogUnavailable(logger, httpContext.Request.Method, httpContext.Request.Path, exception.GetType().Name,
                exception.GetBaseException().Message);
        }
        else if (problem.Status >= 500)
        {
            LogUnhandled(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static Microsoft.AspNetCore.Mvc.ProblemDetails FromBadRequest(BadHttpRequestException bad, ILogger logger)
    {
        // The binder's messages name C# types ("int? Page", "OrganizationRequest request"): they stay in the log, and
        // the caller gets the field it can act on. The value sent is left out of the log: it may be anything a person
        // typed, an email address included.
        LogBadRequest(logger, bad.StatusCode, SentValue().Replace(bad.Message, "from (value not logged)"));
        if (bad.InnerException is JsonException json)
        {
            var field = JsonPaths.ToFieldName(json.Path);
            var error = ValidationMessages.Error(ValidationMessages.InvalidType);
            return ApiProblems.Create(ProblemCatalog.MalformedRequest,
                ValidationMessages.MalformedJson.Current,
                field is null ? null : new Dictionary<string, FieldError[]> { [field] = [error] });
        }

        if (bad.StatusCode != StatusCodes.Status400BadRequest)
        {
            var kind = ProblemCatalog.ForStatus(bad.StatusCode);
            return ApiProblems.Create(kind.Status == bad.StatusCode ? kind : ProblemCatalog.MalformedRequest);
        }

        var malformed = ProblemCatalog.MalformedRequest;
        return BoundParameter().Match(bad.Message) is { Success: true } match
            ? ApiProblems.Create(malformed, ValidationMessages.MalformedParameter.Current, new Dictionary<string, FieldError[]>
            {
                [JsonPaths.CamelCase(match.Groups["name"].Value)] = [ValidationMessages.Error(ValidationMessages.InvalidType)],
            })
            : ApiProblems.Create(malformed, ValidationMessages.MalformedJson.Current);
    }

    // "Failed to bind parameter "int? Page" from "abc"." / "Required parameter "string search" was not provided…"
    [GeneratedRegex(@"parameter ""(?:[^""]*\s)?(?<name>[A-Za-z_][A-Za-z0-9_]*)""", RegexOptions.CultureInvariant)]
    private static partial Regex BoundParameter();

    [GeneratedRegex(@"from ""[^""]*""", RegexOptions.CultureInvariant)]
    private static partial Regex SentValue();

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused request ({Status}): {Reason}")]
    private static partial void LogBadRequest(ILogger logger, int status, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database unavailable for {Method} {Path}: answered 503 ({Exception}: {Reason})")]
    private static partial void LogUnavailable(ILogger logger, string method, string path, string exception, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception for {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);
}
