using System.Net.Http.Headers;
using System.Text;

namespace CQCTP.ReliabilityTests.Attacks;

/// <summary>One attack request and the answers that mean it was refused.</summary>
public sealed record AttackCase(string Name, string Method, string Uri, string? Token, IReadOnlyList<int> Refusals,
    string? Body = null, string ContentType = "application/json", IReadOnlyDictionary<string, string>? Headers = null)
{
    public HttpRequestMessage ToRequest()
    {
        var request = new HttpRequestMessage(new HttpMethod(Method), Uri);
        if (Token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        }

        if (Body is not null)
        {
            request.Content = new StringContent(Body, Encoding.UTF8, ContentType);
        }

        foreach (var (name, value) in Headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return request;
    }

    public override string ToString() => $"{Method} {Uri} [{Name}]";
}
