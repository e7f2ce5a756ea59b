using System.Net.Http.Headers;

namespace CQCTP.ReliabilityTests.Fuzz;

/// <summary>One generated bad request: what it tries, and how to send it.</summary>
public sealed record FuzzCase(ApiTarget Target, string Name, string Uri, byte[]? Body, string? ContentType,
    IReadOnlyDictionary<string, string?> Headers)
{
    public HttpRequestMessage ToRequest()
    {
        var request = new HttpRequestMessage(new HttpMethod(Target.Method), Uri);
        if (Body is not null)
        {
            request.Content = new ByteArrayContent(Body);
            if (ContentType is not null)
            {
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType);
            }
        }

        foreach (var (name, value) in Headers)
        {
            if (value is not null)
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return request;
    }

    public override string ToString() => $"{Target} [{Name}]";
}
