using System.Net.Http.Headers;
using CQCTP.Messaging.Topology;
using CQCTP.Security;
using CQCTP.ServiceDefaults;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace CQCTP.Testing.Services;

/// <summary>
/// One service in-process over the real PostgreSQL and RabbitMQ, as eShop's functional tests do: the AppHost's
/// infrastructure only (no other service, no gateway, no topology step, so the fixture declares the queues the service
/// consumes), started once per test project, and <see cref="WebApplicationFactory{TEntryPoint}"/> over the service's
/// own <c>Program</c> in the Testing environment. Callers get tokens from <see cref="TestTokenIssuer"/>, whose key the
/// service's production token validation is handed.
/// </summary>
public abstract class ServiceFixture<TProgram> : IAsyncLifetime where TProgram : class
{
    private static readonly Uri Issuer = new("http://gateway.cqctp.test/");

    private PlatformInstance? infrastructure;
    private WebApplicationFactory<TProgram>? factory;

    /// <summary>The service's name, as in its routes and audience (<c>membership</c>).</summary>
    protected abstract string Service { get; }

    /// <summary>The database resource the service reads its connection string from (<c>membership-db</c>).</summary>
    protected abstract string DatabaseResource { get; }

    /// <summary>What the service consumes, as its AppHost line declares it (<c>WithSubscription</c>).</summary>
    protected virtual IReadOnlyList<EventSubscription> Subscriptions => [];

    public PlatformInstance Infrastructure => infrastructure ?? throw new InvalidOperationException("Not started.");

    public WebApplicationFactory<TProgram> Factory => factory ?? throw new InvalidOperationException("Not started.");

    public TestTokenIssuer Tokens { get; } = new(Issuer);

    /// <summary>The service's own database connection string (for assertions on what was stored).</summary>
    public string DatabaseConnectionString { get; private set; } = "";

    public string BrokerConnectionString { get; private set; } = "";

    /// <summary>
    /// Settings the service gets beside its connection strings, once the infrastructure runs (e.g. a test's short
    /// retry schedule, accounts created on the broker).
    /// </summary>
    protected virtual Task<IReadOnlyDictionary<string, string>> SettingsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>());

    /// <summary>A client of the service carrying <paramref name="caller"/>'s token, or no token.</summary>
    public HttpClient CreateClient(TestCaller? caller)
    {
        var client = Factory.CreateClient();
        if (caller is not null)
        {
            client.DefaultRequestHeaders.Authorization =
                new AuthenticationHeaderValue("Bearer", Tokens.Issue(caller, Audiences.Of(Service)));
        }

        return client;
    }

    /// <summary>A scope over the service's own container (its DbContext, outbox…).</summary>
    public AsyncServiceScope CreateScope() => Factory.Services.CreateAsyncScope();

    public async Task InitializeAsync()
    {
        infrastructure = await PlatformInstance.StartAsync(infrastructureOnly: true);
        DatabaseConnectionString = await infrastructure.CreateDatabaseAsync($"{Service}-fast-tests");
        BrokerConnectionString = await infrastructure.BrokerConnectionStringAsync();
        using (var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1)))
        {
            await TopologyDeployer.DeployAsync(new Uri(BrokerConnectionString),
                Subscriptions.Select(s => s.Binding), timeout.Token);
            await DeployBrokerAsync(timeout.Token);
        }

        var settings = await SettingsAsync(CancellationToken.None);

        factory = new WebApplicationFactory<TProgram>().WithWebHostBuilder(host =>
        {
            host.UseEnvironment(PlatformEnvironments.Testing);
            // Settings, not configuration callbacks: the service reads them while its builder runs.
            host.UseSetting($"ConnectionStrings:{DatabaseResource}", DatabaseConnectionString);
            host.UseSetting($"ConnectionStrings:{ResourceNames.Messaging}", BrokerConnectionString);
            host.UseSetting(PlatformConfigurationKeys.AuthIssuer, Issuer.AbsoluteUri);
            foreach (var subscription in Subscriptions)
            {
                host.UseSetting(EventSubscriptions.Key(EventSubscriptions.ServiceSection, subscription.Consumer,
                    subscription.MessageType), subscription.Exchange);
            }

            foreach (var (key, value) in settings)
            {
                host.UseSetting(key, value);
            }

            host.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
            host.ConfigureTestServices(services =>
            {
                services.AddSingleton(PlatformSigningKeys.Fixed(Tokens.SigningKey));
                ConfigureServices(services);
            });
        });
        // Starts the host now: migrations and Testing fixtures run before the first test.
        _ = factory.Server;
    }

    /// <summary>Test replacements in the service's container (e.g. a resolver with injected answers).</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>What else the topology step would declare before the service starts (e.g. the replay stream).</summary>
    protected virtual Task DeployBrokerAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        Tokens.Dispose();
        if (infrastructure is not null)
        {
            await infrastructure.DisposeAsync();
        }
    }
}
