using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using CQCTP.ApiConventions.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CQCTP.ApiConventions.Http;

/// <summary>
/// <c>Idempotency-Key</c> on creation <c>POST</c>s: the first response to a (caller, route, key) is stored and
/// replayed for the same body; the same key with another body is 422; a concurrent duplicate is 409.
/// Only successful responses are kept, so a caller can correct a refused request and retry with the same key.
/// Anonymous callers are scoped by their address (behind the gateway, the forwarded one: <c>UseForwardedHeaders</c>
/// with <c>AddTrustedProxies</c> must run first).
/// </summary>
public static class Idempotency
{
    public const string HeaderName = "Idempotency-Key";
    public const string ReplayedHeaderName = "Idempotent-Replayed";
    public const int MaxKeyLength = 200;

    // Response headers worth replaying: where the resource is and which version it has.
    private static readonly string[] ReplayedHeaders = ["Location", "ETag", "Content-Type"];

    public static TBuilder WithIdempotency<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(new IdempotentMetadata());
        return builder;
    }

    public static WebApplication UseIdempotency(this WebApplication app)
    {
        app.Use(InvokeAsync);
        return app;
    }

    private static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var endpoint = context.GetEndpoint();
        var key = context.Request.Headers[HeaderName].ToString();
        if (endpoint?.Metadata.GetMetadata<IdempotentMetadata>() is null || string.IsNullOrEmpty(key)
            || !HttpMethods.IsPost(context.Request.Method))
        {
            await next(context);
            return;
        }

        if (key.Length > MaxKeyLength)
        {
            await WriteProblemAsync(context, ApiProblems.Create(ProblemCatalog.ValidationFailed, errors:
                new Dictionary<string, FieldError[]>
                {
                    [HeaderName] = [Validation.ValidationMessages.Error(Validation.ValidationMessages.TooLong, MaxKeyLength)],
                }));
            return;
        }

        var store = context.RequestServices.GetService<IIdempotencyStore>()
            ?? throw new InvalidOperationException(
                $"An endpoint uses {nameof(WithIdempotency)} but no idempotency store is registered.");

        context.Request.EnableBuffering();
        var requestHash = await SHA256.HashDataAsync(context.Request.Body, context.RequestAborted);
        context.Request.Body.Position = 0;

        var scope = Scope(context, endpoint);
        var claim = await store.TryClaimAsync(scope, key, requestHash, context.RequestAborted);
        switch (claim)
        {
            case { Outcome: ClaimOutcome.Replay, Response: { } stored } when stored.RequestHash.AsSpan().SequenceEqual(requestHash):
                await ReplayAsync(context, stored);
                return;
            case { Outcome: ClaimOutcome.Replay or ClaimOutcome.InProgress, Response: { } other }
                when !other.RequestHash.AsSpan().SequenceEqual(requestHash):
                await WriteProblemAsync(context, ApiProblems.Create(ProblemCatalog.IdempotencyKeyReused));
                return;
            case { Outcome: ClaimOutcome.InProgress }:
                context.Response.Headers.RetryAfter = "1";
                await WriteProblemAsync(context, ApiProblems.Create(ProblemCatalog.IdempotencyKeyInUse));
                return;
        }

        var originalBody = context.Response.Body;
        await using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        var completed = false;
        try
        {
            await next(context);
            buffer.Position = 0;
            await buffer.CopyToAsync(originalBody, context.RequestAborted);

            if (context.Response.StatusCode is >= 200 and < 300)
            {
                var headers = ReplayedHeaders
                    .Where(h => context.Response.Headers.ContainsKey(h))
                    .ToDictionary(h => h, h => context.Response.Headers[h].ToString());
                await store.CompleteAsync(scope, key, new StoredResponse(requestHash, context.Response.StatusCode,
                    headers, buffer.ToArray()), CancellationToken.None);
                completed = true;
            }
        }
        finally
        {
            context.Response.Body = originalBody;
            if (!completed)
            {
                await store.ReleaseAsync(scope, key, CancellationToken.None);
            }
        }
    }

    private static string Scope(HttpContext context, Endpoint endpoint)
    {
        // Keys belong to one caller and one operation: two clients choosing the same key never see each other's data.
        // Anonymous callers (public forms) are told apart by address, the forwarded one when a trusted proxy sent it
        // (TrustedProxies), so one cannot replay another's answer by guessing its key.
        var caller = context.User.FindFirstValue("client_id") ?? context.User.FindFirstValue("sub")
            ?? $"anonymous@{context.Connection.RemoteIpAddress?.ToString() ?? "unknown"}";
        var route = (endpoint as RouteEndpoint)?.RoutePattern.RawText ?? context.Request.Path.ToString();
        return $"{caller} {context.Request.Method} {route}";
    }

    private static async Task ReplayAsync(HttpContext context, StoredResponse stored)
    {
        context.Response.StatusCode = stored.Status;
        foreach (var (name, value) in stored.Headers)
        {
            context.Response.Headers[name] = value;
        }

        context.Response.Headers[ReplayedHeaderName] = "true";
        await context.Response.Body.WriteAsync(stored.Body, context.RequestAborted);
    }

    private static async Task WriteProblemAsync(HttpContext context, Microsoft.AspNetCore.Mvc.ProblemDetails problem)
    {
        context.Response.StatusCode = problem.Status!.Value;
        var writer = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await writer.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }

    internal static string SerializeHeaders(IReadOnlyDictionary<string, string> headers) =>
        JsonSerializer.Serialize(headers);

    internal static IReadOnlyDictionary<string, string> DeserializeHeaders(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];
}
