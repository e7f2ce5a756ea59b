using System.Text.Json;
using CQCTP.ApiConventions.Json;
using CQCTP.ApiConventions.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.Extensions.Logging;

namespace CQCTP.ApiConventions.Resilience;

/// <summary>
/// Answers 503 <c>service-unavailable</c> with <c>Retry-After</c> when a request has no answer by its deadline, even
/// if the code behind it is still waiting. ASP.NET Core's request timeouts only cancel a token: against a frozen
/// PostgreSQL server, Npgsql's cancellation itself takes about 35 s (measured), so the caller waited that long. Here
/// the answer is sent at the deadline; the abandoned work is awaited afterwards and its failure only logged.
/// A route that needs longer declares <see cref="RequestTimeoutAttribute"/> (or <see cref="DisableRequestTimeoutAttribute"/>).
/// </summary>
internal sealed partial class RequestDeadline(RequestDelegate next, TimeSpan timeout, ILogger<RequestDeadline> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var metadata = context.GetEndpoint()?.Metadata;
        if (metadata?.GetMetadata<DisableRequestTimeoutAttribute>() is not null)
        {
            await next(context);
            return;
        }

        var limit = metadata?.GetMetadata<RequestTimeoutAttribute>()?.Timeout is { } declared
            ? declared
            : timeout;
        // Captured before anything downstream (idempotency) swaps the body for a buffer of its own.
        var body = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        var aborted = context.RequestAborted;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        deadline.CancelAfter(limit);
        context.RequestAborted = deadline.Token;

        var pipeline = next(context);
        var expired = Task.Delay(Timeout.Infinite, deadline.Token).ContinueWith(_ => { }, TaskScheduler.Default);
        var finished = await Task.WhenAny(pipeline, expired) == pipeline;
        if (finished)
        {
            try
            {
                await pipeline;
                return;
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested && !aborted.IsCancellationRequested
                                                       && !context.Response.HasStarted)
            {
                // Cancelled by the deadline in time to answer: answered below.
            }
        }

        if (!aborted.IsCancellationRequested && !context.Response.HasStarted)
        {
            LogDeadline(logger, context.Request.Method, context.Request.Path, limit.TotalMilliseconds);
            await WriteUnavailableAsync(context, body);
        }

        if (!finished)
        {
            try
            {
                await pipeline;
            }
            catch (Exception ex) when (deadline.IsCancellationRequested)
            {
                LogAbandoned(logger, ex.GetType().Name, context.Request.Path);
            }
        }
    }

    private static async Task WriteUnavailableAsync(HttpContext context, IHttpResponseBodyFeature body)
    {
        var problem = ApiProblems.Create(ProblemCatalog.ServiceUnavailable);
        context.Response.Headers.Clear();
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = DependencyUnavailable.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Response.ContentType = "application/problem+json";
        await body.Stream.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(problem, ApiJson.Options));
        await body.CompleteAsync();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No answer for {Method} {Path} within {LimitMs:F0} ms: answered 503")]
    private static partial void LogDeadline(ILogger logger, string method, string path, double limitMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Work abandoned at the deadline for {Path} ended with {Exception}")]
    private static partial void LogAbandoned(ILogger logger, string exception, string path);
}
