using CQCTP.Primitives;

namespace CQCTP.Membership.Api.Domain;

/// <summary>
/// A general assembly of the members (assemblée générale): planned, convened with its convocation, held in session
/// with delegates' attendance and votes, then closed.
/// </summary>
public sealed class GeneralAssembly : IVersioned
{
    public const string IllegalTransition = "illegal-transition";
    public const string ConvokedTooLate = "convocation-after-assembly";
    public const string ResolutionsUndecided = "resolutions-undecided";
    public const string NotInSession = "assembly-not-in-session";
    public const string AssemblyClosed = "assembly-closed";

    private GeneralAssembly()
    {
    }

    public Guid Id { get; private set; }
    public AssemblyKind Kind { get; private set; }
    public BilingualText Title { get; private set; } = BilingualText.Of("");
    public DateTimeOffset StartsAt { get; private set; }
    public string? Location { get; private set; }
    public BilingualText? Convocation { get; private set; }
    public int QuorumPercent { get; private set; }
    public AssemblyStatus Status { get; private set; }
    public DateTimeOffset? ConvenedAt { get; private set; }
    public DateTimeOffset? OpenedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public uint Version { get; private set; }

    /// <summary>The fiscal year whose dues make an organization eligible to vote.</summary>
    public int FiscalYear => Domain.FiscalYear.Of(Organization.Today(StartsAt));

    public static GeneralAssembly Plan(AssemblyDetails details, DateTimeOffset now)
    {
        var assembly = new GeneralAssembly
        {
            Id = Guid.CreateVersion7(now),
            Status = AssemblyStatus.Planned,
            CreatedAt = now,
        };
        assembly.Apply(details, now);
        return assembly;
    }

    /// <exception cref="DomainException"><c>illegal-transition</c> (409) once the assembly is in session or closed.</exception>
    public void Update(AssemblyDetails details, DateTimeOffset now)
    {
        if (Status is AssemblyStatus.InSession or AssemblyStatus.Closed)
        {
            throw Illegal("modifier", "change", "planned, convened");
        }

        Apply(details, now);
    }

    /// <summary>The convocation is sent: from now on the date and agenda are those the members received.</summary>
    public void Convene(DateTimeOffset now)
    {
        if (Status != AssemblyStatus.Planned)
        {
            throw Illegal("convoquer", "convene", "planned");
        }

        if (now >= StartsAt)
        {
            throw DomainException.Rule(ConvokedTooLate, new Localized(
                "La convocation doit être envoyée avant le début de l'assemblée.",
                "The convocation must be sent before the assembly starts."));
        }

        Status = AssemblyStatus.Convened;
        ConvenedAt = now;
        UpdatedAt = now;
    }

    public void Open(DateTimeOffset now)
    {
        if (Status != AssemblyStatus.Convened)
        {
            throw Illegal("ouvrir", "open", "convened");
        }

        Status = AssemblyStatus.InSession;
        OpenedAt = now;
        UpdatedAt = now;
    }

    /// <exception cref="DomainException"><c>resolutions-undecided</c> (422) while a resolution is still being voted on.</exception>
    public void Close(IEnumerable<Resolution> resolutions, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(resolutions);
        if (Status != AssemblyStatus.InSession)
        {
            throw Illegal("clore", "close", "inSession");
        }

        if (resolutions.Any(r => r.Status == ResolutionStatus.Voting))
        {
            throw DomainException.Rule(ResolutionsUndecided, new Localized(
                "Une résolution est encore aux voix : dépouillez-la avant de clore l'assemblée.",
                "A resolution is still being voted on: count it before closing the assembly."));
        }

        Status = AssemblyStatus.Closed;
        ClosedAt = now;
        UpdatedAt = now;
    }

    /// <summary>Attendance is taken once the assembly is convened (registration at the door) and while in session.</summary>
    public AssemblyAttendance RecordAttendance(Guid delegateId, Guid organizationId, DateTimeOffset now)
    {
        if (Status is not (AssemblyStatus.Convened or AssemblyStatus.InSession))
        {
            throw DomainException.Conflict(AssemblyClosed, new Localized(
                "Les présences se prennent une fois l'assemblée convoquée et jusqu'à sa clôture.",
                "Attendance is taken once the assembly is convened and until it closes."));
        }

        return AssemblyAttendance.Record(Id, delegateId, organizationId, now);
    }

    /// <summary>Resolutions are proposed until the assembly closes.</summary>
    public Resolution Propose(int number, BilingualText text, DateTimeOffset now)
    {
        if (Status == AssemblyStatus.Closed)
        {
            throw DomainException.Conflict(AssemblyClosed, new Localized(
                "L'assemblée est close : elle ne reçoit plus de résolution.",
                "The assembly is closed: it takes no more resolutions."));
        }

        return Resolution.Propose(Id, number, text, now);
    }

    private void Apply(AssemblyDetails details, DateTimeOffset now)
    {
        Kind = details.Kind;
        Title = details.Title;
        StartsAt = details.StartsAt;
        Location = string.IsNullOrWhiteSpace(details.Location) ? null : details.Location.Trim();
        Convocation = details.Convocation;
        QuorumPercent = details.QuorumPercent;
        UpdatedAt = now;
    }

    private DomainException Illegal(string actionFr, string actionEn, string allowedFrom) =>
        DomainException.Conflict(IllegalTransition, new Localized(
            $"Impossible de {actionFr} une assemblée au statut « {Spell(Status)} » (permis depuis : {allowedFrom}).",
            $"Cannot {actionEn} an assembly whose status is '{Spell(Status)}' (allowed from: {allowedFrom})."));

    /// <summary>The API's spelling of a status (<c>inSession</c>).</summary>
    public static string Spell(AssemblyStatus status) =>
        status == AssemblyStatus.InSession ? "inSession" : status.ToString().ToLowerInvariant();
}
