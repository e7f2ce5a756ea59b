using System.Text.Json;
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
            BadHttpRequestException bad => FromBadRequest(bad),
            DbUpdateConcurrencyException => ApiProblems.Create(ProblemCatalog.PreconditionFailed),
            DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } } =>
                ApiProblems.Create(ProblemCatalog.Duplicate),
            OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested => null,
            _ => ApiProblems.Create(ProblemCatalog.InternalError),
        };

        if (problem is null)
        {
            return true;
        }

        if (problem.Status >= 500)
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

    private static Microsoft.AspNetCore.Mvc.ProblemDetails FromBadRequest(BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonException json)
        {
            var field = JsonPaths.ToFieldName(json.Path);
            var error = ValidationMessages.Error(ValidationMessages.InvalidType);
            return ApiProblems.Create(ProblemCatalog.MalformedRequest,
                ValidationMessages.MalformedJson.Current,
                field is null ? null : new Dictionary<string, FieldError[]> { [field] = [error] });
        }

        var kind = ProblemCatalog.ForStatus(bad.StatusCode);
        if (kind.Status != bad.StatusCode)
        {
            kind = ProblemCatalog.MalformedRequest;
        }

        // Kestrel's and the binder's messages name parameters, never stored data: safe and useful to return.
        return ApiProblems.Create(kind, bad.StatusCode == 400 ? bad.Message : null);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception for {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);
}
