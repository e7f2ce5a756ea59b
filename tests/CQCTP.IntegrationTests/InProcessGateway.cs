using CQCTP.Gateway;
using CQCTP.Security;
using CQCTP.ServiceDefaults;
using CQCTP.Testing.Services;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CQCTP.IntegrationTests;

/// <summary>
/// The real gateway in-process, with its own rate limits: for cases decided before any request reaches a service (a
/// refused token, a limit), which would otherwise spend a whole platform's shared per-IP budget.
/// </summary>
internal sealed class InProcessGateway : WebApplicationFactory<RateLimitSettings>
{
    private readonly IReadOnlyDictionary<string, string> settings;

    public InProcessGateway(IReadOnlyDictionary<string, string> settings) => this.settings = settings;

    public TestTokenIssuer Tokens { get; } = new(new Uri("http://gateway.cqctp.test/"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(PlatformEnvironments.Testing);
        builder.UseSetting(PlatformConfigurationKeys.AuthIssuer, Tokens.Issuer);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.AddSingleton(PlatformSigningKeys.Fixed(Tokens.SigningKey)));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Tokens.Dispose();
        }

        base.Dispose(disposing);
    }
}
