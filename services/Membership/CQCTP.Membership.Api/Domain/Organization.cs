using System.Globalization;
using System.Text;
using CQCTP.Primitives;

namespace CQCTP.Membership.Api.Domain;

/// <summary>
/// A member (or applicant) organization of the coalition and its membership lifecycle:
/// pending → active → suspended | lapsed | withdrawn, reactivation back to active, and refused for an application
/// staff turned down. Its contact details are public by nature; its street address is private unless it chooses.
/// </summary>
public sealed class Organization : IVersioned
{
    /// <summary>The <c>rule</c> of the 409 a transition the current status does not allow answers with.</summary>
    public const string IllegalTransition = "illegal-transition";

    /// <summary>The <c>rule</c> of the 422 for a shelter asking to publish its address.</summary>
    public const string ShelterAddressPrivate = "shelter-address-private";

    /// <summary>The <c>rule</c> of the 422 for an effective date far from today.</summary>
    public const string EffectiveDateOutOfRange = "effective-date-out-of-range";

    /// <summary>The <c>rule</c> of the 422 for an effective date before the current status took effect.</summary>
    public const string DatesOutOfOrder = "dates-out-of-order";

    /// <summary>How far from today a status change may take effect: a late record of last year's decision is fine.</summary>
    public const int MaxEffectiveDateDistanceDays = 366;

    private static readonly Dictionary<MembershipStatus, MembershipStatus[]> Allowed = new()
    {
        [MembershipStatus.Pending] = [MembershipStatus.Active, MembershipStatus.Refused],
        [MembershipStatus.Active] = [MembershipStatus.Suspended, MembershipStatus.Lapsed, MembershipStatus.Withdrawn],
        [MembershipStatus.Suspended] = [MembershipStatus.Active, MembershipStatus.Lapsed, MembershipStatus.Withdrawn],
        [MembershipStatus.Lapsed] = [MembershipStatus.Active, MembershipStatus.Withdrawn],
        [MembershipStatus.Withdrawn] = [MembershipStatus.Active],
        [MembershipStatus.Refused] = [],
    };

    // Letters NFD does not decompose but PostgreSQL's unaccent does; the data migration (LegalNameSql) uses unaccent,
    // so both must give the same key.
    private static readonly Dictionary<char, string> Ligatures = new()
    {
        ['œ'] = "oe",
        ['æ'] = "ae",
        ['ß'] = "ss",
        ['ø'] = "o",
        ['ł'] = "l",
        ['đ'] = "d",
    };

    private readonly List<MembershipStatusChange> history = [];

    private Organization()
    {
    }

    public Guid Id { get; private set; }
    public string LegalName { get; private set; } = "";
    public string NormalizedLegalName { get; private set; } = "";
    public string? CommonName { get; private set; }
    public OrganizationType? Type { get; private set; }
    public IReadOnlyList<FocusArea> FocusAreas { get; private set; } = [];

    /// <summary>The head office's administrative region.</summary>
    public string? RegionCode { get; private set; }

    public IReadOnlyList<string> RegionsServed { get; private set; } = [];

    /// <summary>ISO 639-1 codes.</summary>
    public IReadOnlyList<string> LanguagesServed { get; private set; } = [];

    public string? PublicEmail { get; private set; }
    public string? PublicPhone { get; private set; }
    public string? Website { get; private set; }
    public BilingualText? Description { get; private set; }
    public PostalAddress? Address { get; private set; }

    /// <summary>False unless the organization chose to publish its address; a shelter never may.</summary>
    public bool AddressIsPublic { get; private set; }

    public MembershipStatus Status { get; private set; }
    public MembershipType? MembershipType { get; private set; }

    /// <summary>When the current status took effect (null while pending).</summary>
    public DateOnly? StatusEffectiveDate { get; private set; }

    public IReadOnlyList<MembershipStatusChange> History => history;
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public uint Version { get; private set; }

    public static Organization Register(OrganizationDetails details, DateTimeOffset now) =>
        Register(Guid.CreateVersion7(now), details, now);

    /// <summary>Registers under a known id (development fixtures that other services refer to).</summary>
    public static Organization Register(Guid id, OrganizationDetails details, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(details);
        var organization = new Organization
        {
            Id = id,
            Status = MembershipStatus.Pending,
            CreatedAt = now,
        };
        organization.Update(details, now);
        return organization;
    }

    /// <exception cref="DomainException"><c>shelter-address-private</c> (422) when a shelter would publish its address.</exception>
    public void Update(OrganizationDetails details, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (details.Type == OrganizationType.Shelter && details.AddressIsPublic)
        {
            throw DomainException.Rule(ShelterAddressPrivate, new Localized(
                "L'adresse d'une maison d'hébergement n'est jamais publiée : laissez addressIsPublic à false.",
                "A shelter's address is never published: leave addressIsPublic false."));
        }

        var legalName = details.LegalName.Trim();
        // Recomputed only when the name changes: a row the stricter rule found colliding keeps its reported key
        // (LegalNameSql) until staff rename it, so its portal can still update the rest of the profile.
        if (!string.Equals(legalName, LegalName, StringComparison.Ordinal))
        {
            NormalizedLegalName = Normalize(legalName);
        }

        LegalName = legalName;
        CommonName = Blank(details.CommonName);
        Type = details.Type;
        FocusAreas = [.. (details.FocusAreas ?? []).Distinct().Order()];
        RegionCode = Blank(details.RegionCode);
        RegionsServed = [.. (details.RegionsServed ?? []).Select(r => r.Trim()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        LanguagesServed = [.. (details.LanguagesServed ?? []).Select(l => l.Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal)];
        PublicEmail = Blank(details.PublicEmail);
        PublicPhone = Blank(details.PublicPhone);
        Website = Blank(details.Website);
        Description = details.Description;
        Address = details.Address is { } address
            ? address with
            {
                Street = address.Street.Trim(),
                City = address.City.Trim(),
                PostalCode = NormalizePostalCode(address.PostalCode),
                RegionCode = Blank(address.RegionCode),
            }
            : null;
        AddressIsPublic = Address is not null && details.AddressIsPublic;
        UpdatedAt = now;
    }

    /// <summary>Admits a pending organization (its application approved) as a member of the given type.</summary>
    public MembershipStatusChange Activate(MembershipType type, MembershipDecision decision)
    {
        var change = MoveTo(MembershipStatus.Active, decision, fromOnly: MembershipStatus.Pending);
        MembershipType = type;
        return change;
    }

    /// <summary>Refuses a pending organization's application.</summary>
    public MembershipStatusChange Refuse(MembershipDecision decision) => MoveTo(MembershipStatus.Refused, decision);

    public MembershipStatusChange Suspend(MembershipDecision decision) => MoveTo(MembershipStatus.Suspended, decision);

    /// <summary>The membership ends because it was not renewed (dues unpaid).</summary>
    public MembershipStatusChange Lapse(MembershipDecision decision) => MoveTo(MembershipStatus.Lapsed, decision);

    public MembershipStatusChange Withdraw(MembershipDecision decision) => MoveTo(MembershipStatus.Withdrawn, decision);

    /// <summary>Makes a suspended, lapsed or withdrawn member active again, with its previous membership type.</summary>
    public MembershipStatusChange Reactivate(MembershipDecision decision) =>
        MoveTo(MembershipStatus.Active, decision, exceptFrom: MembershipStatus.Pending);

    /// <summary>The statuses the current one may move to.</summary>
    public IReadOnlyList<MembershipStatus> AllowedTransitions => Allowed[Status];

    /// <summary>
    /// Two legal names that differ only by case, accents, punctuation or spacing are the same organization:
    /// "Maison l'Étoile" and "MAISON L ETOILE" both give "maison l etoile".
    /// </summary>
    public static string Normalize(string legalName)
    {
        ArgumentNullException.ThrowIfNull(legalName);
        var builder = new StringBuilder(legalName.Length);
        foreach (var c in legalName.Normalize(NormalizationForm.FormD))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
                or UnicodeCategory.EnclosingMark)
            {
                continue;
            }

            var lower = char.ToLowerInvariant(c);
            if (Ligatures.TryGetValue(lower, out var replacement))
            {
                builder.Append(replacement);
            }
            else
            {
                builder.Append(char.IsLetterOrDigit(lower) ? lower : ' ');
            }
        }

        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private MembershipStatusChange MoveTo(MembershipStatus target, MembershipDecision decision,
        MembershipStatus? fromOnly = null, MembershipStatus? exceptFrom = null)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var allowed = Allowed[Status];
        if (!allowed.Contains(target) || (fromOnly is { } only && Status != only) || Status == exceptFrom)
        {
            throw DomainException.Conflict(IllegalTransition, IllegalTransitionMessage(target));
        }

        CheckEffectiveDate(decision);
        var change = new MembershipStatusChange(Id, Status, target, decision);
        history.Add(change);
        Status = target;
        StatusEffectiveDate = decision.EffectiveDate;
        UpdatedAt = decision.DecidedAt;
        return change;
    }

    private void CheckEffectiveDate(MembershipDecision decision)
    {
        var today = Today(decision.DecidedAt);
        if (Math.Abs(decision.EffectiveDate.DayNumber - today.DayNumber) > MaxEffectiveDateDistanceDays)
        {
            throw DomainException.Rule(EffectiveDateOutOfRange, new Localized(
                $"La date d'effet doit être à au plus {MaxEffectiveDateDistanceDays} jours d'aujourd'hui ({today:yyyy-MM-dd}).",
                $"The effective date must be at most {MaxEffectiveDateDistanceDays} days from today ({today:yyyy-MM-dd})."));
        }

        if (StatusEffectiveDate is { } since && decision.EffectiveDate < since)
        {
            throw DomainException.Rule(DatesOutOfOrder, new Localized(
                $"La date d'effet ne peut précéder celle du statut actuel ({since:yyyy-MM-dd}).",
                $"The effective date cannot precede the current status's ({since:yyyy-MM-dd})."));
        }
    }

    /// <summary>The calendar day in Quebec at <paramref name="instant"/>: the default effective date.</summary>
    public static DateOnly Today(DateTimeOffset instant) =>
        CoalitionTime.Today(instant);

    private Localized IllegalTransitionMessage(MembershipStatus target)
    {
        var targets = Allowed[Status].Select(Spelling).ToList();
        var list = targets.Count == 0 ? null : string.Join(", ", targets);
        return new Localized(
            $"Impossible de passer de « {Spelling(Status)} » à « {Spelling(target)} ». Permis depuis « {Spelling(Status)} » : {list ?? "aucun (statut final)"}.",
            $"Cannot move from '{Spelling(Status)}' to '{Spelling(target)}'. Allowed from '{Spelling(Status)}': {list ?? "none (final status)"}.");
    }

    /// <summary>A status as the API spells it (<c>pending</c>, <c>active</c>…).</summary>
    public static string Spelling(MembershipStatus status) => status.ToString().ToLowerInvariant();

    private static string NormalizePostalCode(string postalCode)
    {
        var compact = postalCode.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        return compact.Length == 6 ? $"{compact[..3]} {compact[3..]}" : postalCode.Trim().ToUpperInvariant();
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
