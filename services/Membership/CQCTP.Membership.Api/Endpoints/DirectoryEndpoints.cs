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
        // Services of active members only, from the copy of the organization's status on each service row: neither
        // the count nor the order joins the organizations (Sql/DirectoryMemberSql.cs); partial indexes cover these rows.
        var services = db.Services.AsNoTracking()
            .Where(s => s.IsPublic && EF.Property<bool>(s, ServiceOfferingConfiguration.OrganizationActive));
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

        // The page's 20 services are chosen and ordered on the services alone; only they are joined to their
        // organization and category, in the same order.
        var found = await Order(services, text).ToPagedAsync(page, pageOfServices =>
                from s in Order(pageOfServices, text)
                join o in db.Organizations.AsNoTracking() on s.OrganizationId equals o.Id
                join c in db.ServiceCategories.AsNoTracking() on s.CategoryCode equals c.Code
                select new DirectoryRow(s.Id, s.Name.Fr, s.Name.En, s.CategoryCode, c.Label, s.Eligibility!.Fr,
                    s.Eligibility!.En, s.RegionCodes, s.Languages, s.AddressesSexualExploitation, s.AddressesForcedLabour,
                    o.Id, o.LegalName, o.CommonName, o.RegionCode, o.Website, o.PublicEmail, o.PublicPhone,
                    // A withheld address never leaves the database.
                    o.AddressIsPublic ? o.Address!.Street : null,
                    o.AddressIsPublic ? o.Address!.City : null,
                    o.AddressIsPublic ? o.Address!.PostalCode : null),
            services.CountAsync, cancellationToken);

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

    // Without text: legal names carry the fr-CA ICU collation, "École" before "Zoé". With text: by rank first.
    private static IOrderedQueryable<ServiceOffering> Order(IQueryable<ServiceOffering> services, string? text)
    {
        var sorted = text is null
            ? services.OrderBy(s => EF.Property<string>(s, ServiceOfferingConfiguration.OrganizationLegalName))
            : services
                .OrderByDescending(s => EF.Property<NpgsqlTsVector>(s, ServiceOfferingConfiguration.SearchVector)
                    .Rank(EF.Functions.WebSearchToTsQuery(DirectorySql.SearchConfiguration, text)))
                .ThenBy(s => EF.Property<string>(s, ServiceOfferingConfiguration.OrganizationLegalName));
        return sorted.ThenBy(s => s.Name.Fr).ThenBy(s => s.Id);
    }
}
