using System.Text.Json;
using CQCTP.ApiConventions.Problems;
using CQCTP.Primitives;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CQCTP.ApiConventions.Tests;

public sealed class ApiExceptionHandlerTests
{
    [Fact]
    public async Task DomainStateConflict_Answers409WithTheDomainCodeAsRule()
    {
        using var culture = new CultureScope("fr-CA");
        var exception = DomainException.Conflict("illegal-transition",
            new Localized("Transition interdite.", "Transition not allowed."));

        var (status, body) = await HandleAsync(exception);

        Assert.Equal(StatusCodes.Status409Conflict, status);
        Assert.Equal("conflict", body.GetProperty("code").GetString());
        Assert.Equal("illegal-transition", body.GetProperty("rule").GetString());
        Assert.Equal("Transition interdite.", body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task DomainRuleBroken_Answers422InTheCallersLanguage()
    {
        using var culture = new CultureScope("en-CA");
        var exception = DomainException.Rule("dates-out-of-order",
            new Localized("La fin précède le début.", "The end comes before the start."));

        var (status, body) = await HandleAsync(exception);

        Assert.Equal(StatusCodes.Status422UnprocessableEntity, status);
        Assert.Equal("business-rule-violated", body.GetProperty("code").GetString());
        Assert.Equal("dates-out-of-order", body.GetProperty("rule").GetString());
        Assert.Equal("The end comes before the start.", body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task UnknownException_Answers500WithoutItsMessage()
    {
        var (status, body) = await HandleAsync(new InvalidOperationException("secret internals"));

        Assert.Equal(StatusCodes.Status500InternalServerError, status);
        Assert.Equal("internal-error", body.GetProperty("code").GetString());
        Assert.DoesNotContain("secret internals", body.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DatabaseThatDoesNotAnswer_Answers503WithRetryAfter()
    {
        var exception = new InvalidOperationException("transient failure",
            new NpgsqlException("Exception while reading from stream", new TimeoutException()));

        var (status, body, headers) = await HandleWithHeadersAsync(exception);

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, status);
        Assert.Equal("service-unavailable", body.GetProperty("code").GetString());
        Assert.Equal("5", headers.RetryAfter.ToString());
    }

    [Fact]
    public async Task DatabaseRefusingTheRequest_IsNotAnOutage()
    {
        var exception = new PostgresException("value too long", "ERROR", "ERROR", PostgresErrorCodes.StringDataRightTruncation);

        var (status, _, headers) = await HandleWithHeadersAsync(exception);

        Assert.Equal(StatusCodes.Status500InternalServerError, status);
        Assert.Equal(0, headers.RetryAfter.Count);
    }

    private static async Task<(int Status, JsonElement Body)> HandleAsync(Exception exception)
    {
        var (status, body, _) = await HandleWithHeadersAsync(exception);
        return (status, body);
    }

    private static async Task<(int Status, JsonElement Body, IHeaderDictionary Headers)> HandleWithHeadersAsync(Exception exception)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddProblemDetails(options => options.CustomizeProblemDetails = ProblemCatalog.Enrich);
        await using var provider = services.BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = provider };
        context.Request.Method = HttpMethods.Post;
        context.Request.Headers.Accept = "application/json";
        using var body = new MemoryStream();
        context.Response.Body = body;
        var handler = new ApiExceptionHandler(provider.GetRequiredService<IProblemDetailsService>(),
            NullLogger<ApiExceptionHandler>.Instance);

        var handled = await handler.TryHandleAsync(context, exception, CancellationToken.None);

        Assert.True(handled);
        return (context.Response.StatusCode, JsonDocument.Parse(body.ToArray()).RootElement.Clone(), context.Response.Headers);
    }
}
