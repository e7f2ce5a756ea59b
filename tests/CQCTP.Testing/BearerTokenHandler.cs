using System.Net.Http.Headers;

namespace CQCTP.Testing;

/// <summary>Adds a bearer token to every request, fetching it once from the gateway's token endpoint.</summary>
public sealed class BearerTokenHandler(Func<CancellationToken, Task<string>> acquire) : DelegatingHandler
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private string? token;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request,
        CancellationToken cancellationToken)
    {
        if (request.Headers.Authorization is null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(cancellationToken));
        }

        return await base.SendAsync(request, cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            gate.Dispose();
        }

        base.Dispose(disposing);
    }

    private async Task<string> TokenAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            // Tokens live 10 minutes; a test collection finishes well within that.
            return token ??= await acquire(cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }
}
