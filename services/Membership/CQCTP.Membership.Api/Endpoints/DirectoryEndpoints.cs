using CQCTP.ApiConventions.Http;
using CQCTP.ApiConventions.Problems;
using CQCTP.ApiConventions.Validation;
using CQCTP.Membership.Api.Data;
using CQCTP.Membership.Api.Data.Sql;
using CQCTP.Membership.Api.Domain;
using CQCTP.Membership.Api.Extensions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using NpgsqlTypes;

namespace CQCTP.Membership.Api.Endpoints;

/// <summary>
/// The public service directory (trajectoire de services): active members' public services, anonymous. It shows
/// only what is public by nature (service, category, regions, languages, the organization's names, website and
/// public email), never a delegate, a private service or a service of an organization that is not an active member.
/// </summary>
public static class DirectoryEndpoints
{
    public const string Prefix = "/api/v1/membership/directory";

    /// <summary>The output-cache policy of the directory's answers (see MembershipApi.AddDirectoryCache).</summary>
    public const string CachePolicy = "directory";

    public static IEndpointRouteBuilder MapDirectoryEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapApiGroup(Prefix, "Directory");

        group.MapGet("/", Search).WithName("SearchDirectory").AllowAnonymous().CacheOutput(CachePolicy)
            .WithSummary("Chercher dans le répertoire des services (public) / Search the service directory (public)");

        return endpoints;
    }

    public static async Task<Results<Ok<Paged<DirectoryEntry>>, ProblemHttpResult>> Search(
        [AsParameters] DirectoryQuery filter, [AsParameters] PageQuery page, MembershipDbContext db,
        IOptions<DirectorySettings> settings, HttpResponse response, CancellationToken cancellationToken)
    {
        var services = db.Services.AsNoTracking().Where(s => s.IsPublic);
        // Containment (@>) uses the GIN indexes on regions and languages; "= ANY" would not.
        if (filter.Region is { } region)
        {
            var regions = new[] { region };
            services = services.Where(s => regions.All(r => s.RegionCodes.Contains(r)));
        }

        if (filter.Category is { } category)
        {
            services = services.Where(s => s.CategoryCode == category);
        }

        if (filter.Language is { } language)
        {
            var languages = new[] { language };
            services = services.Where(s => languages.All(l => s.Languages.Contains(l)));
        }

        services = filter.Focus switch
        {
            "sexualExploitation" => services.Where(s => s.AddressesSexualExploitation),
            "forcedLabour" => services.Where(s => s.AddressesForcedLabour),
            _ => services,
        };

        // With text: by rank (one GIN index answers it: the service's vector holds its organization's names too,
        // see DirectorySearchSql).
        var text = string.IsNullOrWhiteSpace(filter.Q) ? null : filter.Q;
        if (text is not null)
        {
            services = services.Where(s => EF.Property<NpgsqlTsVector>(s, ServiceOfferingConfiguration.SearchVector)
                .Matches(EF.Functions.WebSearchToTsQuery(DirectorySql.SearchConfiguration, text)));
        }

        var matches =
            from s in services
            join o in db.Organizations.AsNoTracking() on s.OrganizationId equals o.Id
            where o.Status == MembershipStatus.Active
            select new { Service = s, Organization = o };

        var rows =
            from r in matches
            join c in db.ServiceCategories.AsNoTracking() on r.Service.CategoryCode equals c.Code
            select new { r.Service, r.Organization, Category = c };

        // Without text: legal names carry the fr-CA ICU collation, "École" before "Zoé".
        var sorted = text is null
            ? rows.OrderBy(r => r.Organization.LegalName)
            : rows
                .OrderByDescending(r => EF.Property<NpgsqlTsVector>(r.Service, ServiceOfferingConfiguration.SearchVector)
                    .Rank(EF.Functions.WebSearchToTsQuery(DirectorySql.SearchConfiguration, text)))
                .ThenBy(r => r.Organization.LegalName);
        var ordered = sorted.ThenBy(r => r.Service.Name.Fr).ThenBy(r => r.Service.Id)
            .Select(r => new DirectoryRow(r.Service.Id, r.Service.Name.Fr, r.Service.Name.En, r.Service.CategoryCode,
                r.Category.Label, r.Service.Eligibility!.Fr, r.Service.Eligibility!.En, r.Service.RegionCodes,
                r.Service.Languages, r.Service.AddressesSexualExploitation, r.Service.AddressesForcedLabour,
                r.Organization.Id, r.Organization.LegalName, r.Organization.CommonName, r.Organization.RegionCode,
                r.Organization.Website, r.Organization.PublicEmail, r.Organization.PublicPhone,
                // A withheld address never leaves the database.
                r.Organization.AddressIsPublic ? r.Organization.Address!.Street : null,
                r.Organization.AddressIsPublic ? r.Organization.Address!.City : null,
                r.Organization.AddressIsPublic ? r.Organization.Address!.PostalCode : null));

        // The count needs no category: every service has one (a required foreign key).
        var found = await ordered.ToPagedAsync(page, matches.CountAsync, cancellationToken);

        // An unknown category finds nothing; only then is it worth a query to tell it from a known one without services.
        if (found.Total == 0 && filter.Category is { } code
            && !await db.ServiceCategories.AnyAsync(c => c.Code == code, cancellationToken))
        {
            return ApiProblems.Validation(new Dictionary<string, FieldError[]>
            {
                ["category"] = [ValidationMessages.Error(ValidationMessages.InvalidValue)],
            });
        }

        // Public data, the same for every caller: browsers and shared caches may keep it as long as this instance does.
        if (settings.Value.CacheSeconds > 0)
        {
            response.Headers.CacheControl = $"public, max-age={settings.Value.CacheSeconds}";
            response.Headers.Vary = HeaderNames.AcceptLanguage;
        }

        return TypedResults.Ok(new Paged<DirectoryEntry>([.. found.Items.Select(r => r.ToEntry())], found.Page,
            found.PageSize, found.Total));
    }
}
