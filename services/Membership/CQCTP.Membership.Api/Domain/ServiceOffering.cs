using CQCTP.Primitives;

namespace CQCTP.Membership.Api.Domain;

/// <summary>
/// A service a member organization offers (the "trajectoire de services"): what, for whom, where, in which languages.
/// Private until the organization or staff make it public; the public directory shows only public services of active
/// members.
/// </summary>
public sealed class ServiceOffering : IVersioned
{
    /// <summary>The <c>rule</c> of the 422 a service that addresses neither strand answers with.</summary>
    public const string FocusRequired = "focus-required";

    private ServiceOffering()
    {
    }

    public Guid Id { get; private set; }
    public Guid OrganizationId { get; private set; }
    public string CategoryCode { get; private set; } = "";
    public BilingualText Name { get; private set; } = BilingualText.Of("");
    public BilingualText? Eligibility { get; private set; }
    public string[] RegionCodes { get; private set; } = [];
    public string[] Languages { get; private set; } = [];

    // Two columns rather than a list: the directory filters on each with a plain index-friendly predicate.
    public bool AddressesSexualExploitation { get; private set; }
    public bool AddressesForcedLabour { get; private set; }
    public bool IsPublic { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public uint Version { get; private set; }

    public IReadOnlyList<ServiceFocus> Focus =>
    [
        .. AddressesSexualExploitation ? [ServiceFocus.SexualExploitation] : Array.Empty<ServiceFocus>(),
        .. AddressesForcedLabour ? [ServiceFocus.ForcedLabour] : Array.Empty<ServiceFocus>(),
    ];

    public static ServiceOffering Offer(Guid organizationId, ServiceOfferingDetails details, DateTimeOffset now)
    {
        var service = new ServiceOffering
        {
            Id = Guid.CreateVersion7(now),
            OrganizationId = organizationId,
            CreatedAt = now,
        };
        service.Update(details, now);
        return service;
    }

    /// <exception cref="DomainException"><c>focus-required</c> (422) when the service addresses neither strand.</exception>
    public void Update(ServiceOfferingDetails details, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (details.Focus.Count == 0)
        {
            throw DomainException.Rule(FocusRequired, new Localized(
                "Un service s'adresse à l'exploitation sexuelle, au travail forcé, ou aux deux : indiquez au moins l'un.",
                "A service addresses sexual exploitation, forced labour, or both: give at least one."));
        }

        CategoryCode = details.CategoryCode;
        Name = details.Name with { Fr = details.Name.Fr.Trim(), En = Blank(details.Name.En) };
        Eligibility = details.Eligibility;
        RegionCodes = [.. details.RegionCodes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        Languages = [.. details.Languages.Select(l => l.ToLowerInvariant()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        AddressesSexualExploitation = details.Focus.Contains(ServiceFocus.SexualExploitation);
        AddressesForcedLabour = details.Focus.Contains(ServiceFocus.ForcedLabour);
        IsPublic = details.IsPublic;
        UpdatedAt = now;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
