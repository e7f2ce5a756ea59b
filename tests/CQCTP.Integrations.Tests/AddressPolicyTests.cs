using System.Net;
using CQCTP.Integrations.Api.Webhooks;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CQCTP.Integrations.Tests;

/// <summary>The SSRF guard's address rules and its environment switches, without any network.</summary>
public sealed class AddressPolicyTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.255.0.9")]
    [InlineData("::1")]
    [InlineData("10.0.0.5")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")]
    [InlineData("169.254.0.1")]
    [InlineData("100.64.0.1")]
    [InlineData("100.127.255.254")]
    [InlineData("0.0.0.0")]
    [InlineData("::")]
    [InlineData("224.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("fc00::1")]
    [InlineData("fd12:3456::1")]
    [InlineData("fe80::1")]
    [InlineData("ff02::1")]
    [InlineData("::ffff:10.0.0.5")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:169.254.169.254")]
    public void Refused(string address) => Assert.True(AddressPolicy.IsRefused(IPAddress.Parse(address)));

    [Theory]
    [InlineData("93.184.216.34")]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("::ffff:8.8.8.8")]
    public void Allowed(string address) => Assert.False(AddressPolicy.IsRefused(IPAddress.Parse(address)));

    [Fact]
    public async Task Production_RefusesHttp_AndIgnoresTheAllowlist()
    {
        var guard = Guard("Production", "127.0.0.1");

        Assert.False(guard.IsAllowedScheme(new Uri("http://example.org/hook")));
        Assert.True(guard.IsAllowedScheme(new Uri("https://example.org/hook")));
        await Assert.ThrowsAsync<WebhookAddressRefusedException>(() => guard.ResolveAsync("127.0.0.1", CancellationToken.None));
    }

    [Fact]
    public async Task Testing_AllowsHttp_AndOnlyTheListedAddress()
    {
        var guard = Guard("Testing", "127.0.0.1");

        Assert.True(guard.IsAllowedScheme(new Uri("http://127.0.0.1/hook")));
        Assert.Single(await guard.ResolveAsync("127.0.0.1", CancellationToken.None));
        await Assert.ThrowsAsync<WebhookAddressRefusedException>(() => guard.ResolveAsync("10.0.0.5", CancellationToken.None));
    }

    [Fact]
    public async Task AHostWithOnePrivateAnswerAmongPublicOnes_IsRefused()
    {
        var resolver = new TestHostResolver();
        resolver.Answers["mixed.test"] = [IPAddress.Parse("93.184.216.34"), IPAddress.Parse("192.168.0.10")];
        var guard = new WebhookAddressGuard(resolver, Options.Create(new WebhookOptions()), new Environment("Production"));

        await Assert.ThrowsAsync<WebhookAddressRefusedException>(() => guard.ResolveAsync("mixed.test", CancellationToken.None));
    }

    private static WebhookAddressGuard Guard(string environment, params string[] allowed) =>
        new(new DnsHostResolver(), Options.Create(new WebhookOptions { AllowedAddresses = [.. allowed] }),
            new Environment(environment));

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "tests";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
