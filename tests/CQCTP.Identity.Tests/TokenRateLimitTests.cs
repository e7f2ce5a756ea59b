using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CQCTP.Identity.Api.Extensions;
using CQCTP.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CQCTP.Identity.Tests;

/// <summary>The service limits its own token endpoint: reaching it without the gateway does not lift the limit.</summary>
[Collection(IdentityCollection.Name)]
public sealed class TokenRateLimitTests(IdentityFixture fixture)
{
    [Fact]
    public async Task Token_HundredWrongSecretsInARowForOneClient_AreCutOffWith429BeforeTheirSecretIsChecked()
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);
        using var anonymous = fixture.Factory.CreateClient();
        var (clientId, _) = await Clients.RegisterAsync(staff);
        var perClient = fixture.Factory.Services.GetRequiredService<IOptions<TokenRateLimitSettings>>().Value.PerClient.PermitLimit;
        var statuses = new List<HttpStatusCode>();
        using var checks = new SecretCheckCounter();
        await RateLimitWindow.WaitForRoomAsync(TimeSpan.FromSeconds(30));

        for (var i = 0; i < 99; i++)
        {
            using var refused = await Tokens.PostAsync(anonymous, clientId, $"guess-{i}");
            statuses.Add(refused.StatusCode);
        }

        using var last = await Tokens.PostAsync(anonymous, clientId, "guess-99");

        Assert.InRange(perClient, 1, 50);
        Assert.All(statuses.Take(perClient), s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.All(statuses.Skip(perClient), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, last.StatusCode);
        Assert.InRange(last.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        Assert.Equal("too-many-requests", (await last.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(perClient, checks.Count);
    }
}
