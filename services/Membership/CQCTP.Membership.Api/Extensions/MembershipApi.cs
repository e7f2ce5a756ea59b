using System.Globalization;
using CQCTP.ApiConventions;
using CQCTP.ApiConventions.Data;
using CQCTP.Membership.Api.Data;
using CQCTP.Membership.Api.Endpoints;
using CQCTP.Membership.Api.Jobs;
using CQCTP.Messaging;
using CQCTP.Security;
using CQCTP.ServiceDefaults;

namespace CQCTP.Membership.Api.Extensions;

public static class MembershipApi
{
    public const string Service = "membership";

    /// <summary>Staff and integrators read every organization; a portal reads its own (the handler narrows it).</summary>
    public const string ReadOrganizations = "membership.organizations.read";

    /// <summary>Staff change every organization; a portal changes its own (the handler narrows it).</summary>
    public const string UpdateOrganizations = "membership.organizations.update";

    /// <summary>Staff and integrators read every organization's delegates; a portal its own (the handler narrows it).</summary>
    public const string ReadDelegates = "membership.delegates.read";

    /// <summary>Staff manage every organization's delegates and their consents; a portal its own.</summary>
    public const string ManageDelegates = "membership.delegates.manage";

    /// <summary>
    /// The members-only directory holds people's names and chosen contacts: staff (who hold the contacts scope) and
    /// member portals. Integrators do not.
    /// </summary>
    public const string ReadMembersDirectory = "membership.directory.read";

    /// <summary>Committees and their members: staff, integrators and member portals.</summary>
    public const string ReadCommittees = "membership.committees.read";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddPlatformService<MembershipDbContext>(Service, "CQCTP — Membres / Membership", ResourceNames.MembershipDb);
        builder.AddPlatformMessaging<MembershipDbContext>(Service, ResourceNames.MembershipDb, m => m.AddJob<RenewalJob>());
        builder.Services.Configure<RenewalSettings>(builder.Configuration.GetSection(RenewalSettings.Section));
        builder.Services.Configure<AssemblySettings>(builder.Configuration.GetSection(AssemblySettings.Section));
        builder.Services.Configure<DirectorySettings>(builder.Configuration.GetSection(DirectorySettings.Section));
        builder.AddDirectoryCache();
        // After the platform service, whose start-up migrates the database this report reads.
        builder.Services.AddHostedService<LegalNameCollisionReport>();
        // The public application is keyed by the applicant's address: believe X-Forwarded-For from the gateway only.
        builder.AddTrustedProxies();
        builder.Services.AddDemoDataSeeder<MembershipDbContext, MembershipDemoData>();
        builder.Services.AddDevelopmentFixtureSeeder<MembershipDbContext, DevelopmentOrganizations>();

        builder.AddPlatformAuthentication(Service, policies => policies
            .AddPolicy(ReadOrganizations, p => p.RequireScope(Scopes.MembershipRead, Scopes.MembershipSelf))
            .AddPolicy(UpdateOrganizations, p => p.RequireScope(Scopes.MembershipWrite, Scopes.MembershipSelf))
            .AddPolicy(ReadDelegates, p => p.RequireScope(Scopes.MembershipRead, Scopes.MembershipSelf))
            .AddPolicy(ManageDelegates, p => p.RequireScope(Scopes.MembershipWrite, Scopes.MembershipSelf))
            .AddPolicy(ReadMembersDirectory, p => p.RequireScope(Scopes.MembershipContactsRead, Scopes.MembershipSelf))
            .AddPolicy(ReadCommittees, p => p.RequireScope(Scopes.MembershipRead, Scopes.MembershipSelf)));
        builder.Services.AddScoped<IAccessTokenGate, ActiveMemberGate>();
        return builder;
    }

    /// <summary>
    /// The public directory's answers are public data (public services of active members, the same for every caller),
    /// so they can be reused for a few seconds: per query string and language, anonymous callers only (the output
    /// cache's default policy never serves or stores a request carrying credentials), 200s only.
    /// </summary>
    private static void AddDirectoryCache(this IHostApplicationBuilder builder)
    {
        var seconds = builder.Configuration.GetSection(DirectorySettings.Section).Get<DirectorySettings>()?.CacheSeconds
            ?? new DirectorySettings().CacheSeconds;
        builder.Services.AddOutputCache(options => options.AddPolicy(DirectoryEndpoints.CachePolicy, policy =>
        {
            if (seconds <= 0)
            {
                policy.NoCache();
                return;
            }

            // The body holds both languages, but Content-Language follows the caller's.
            policy.Expire(TimeSpan.FromSeconds(seconds))
                .VaryByValue(_ => new KeyValuePair<string, string>("culture", CultureInfo.CurrentUICulture.Name));
        }));
    }
}
