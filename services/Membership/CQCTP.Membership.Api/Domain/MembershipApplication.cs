using CQCTP.Primitives;

namespace CQCTP.Membership.Api.Domain;

/// <summary>
/// An organization's public request to join. The organization is registered (pending) when it applies; the
/// application keeps only what staff need to answer: a contact email (the organization's, not a person's, is fine)
/// and an optional message.
/// </summary>
public sealed class MembershipApplication : IVersioned
{
    private MembershipApplication()
    {
    }

    public Guid Id { get; private set; }
    public Guid OrganizationId { get; private set; }
    public string ContactEmail { get; private set; } = "";
    public string? Message { get; private set; }
    public ApplicationStatus Status { get; private set; }
    public DateTimeOffset SubmittedAt { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>The client that decided (staff's back office), never a person's name.</summary>
    public string? DecidedBy { get; private set; }

    public string? DecisionReason { get; private set; }
    public uint Version { get; private set; }

    public static MembershipApplication Submit(Organization organization, string contactEmail, string? message,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(organization);
        ArgumentException.ThrowIfNullOrWhiteSpace(contactEmail);
        return new MembershipApplication
        {
            Id = Guid.CreateVersion7(now),
            OrganizationId = organization.Id,
            ContactEmail = contactEmail.Trim(),
            Message = string.IsNullOrWhiteSpace(message) ? null : message.Trim(),
            Status = ApplicationStatus.Submitted,
            SubmittedAt = now,
        };
    }

    /// <summary>Approves the application and admits its organization as a member of <paramref name="type"/>.</summary>
    public MembershipStatusChange Approve(Organization organization, MembershipType type, MembershipDecision decision)
    {
        ArgumentNullException.ThrowIfNull(organization);
        ArgumentNullException.ThrowIfNull(decision);
        EnsureSubmitted();
        var change = organization.Activate(type, decision);
        Decide(ApplicationStatus.Approved, decision);
        return change;
    }

    /// <summary>Refuses the application; the organization's status becomes refused.</summary>
    public MembershipStatusChange Refuse(Organization organization, MembershipDecision decision)
    {
        ArgumentNullException.ThrowIfNull(organization);
        ArgumentNullException.ThrowIfNull(decision);
        EnsureSubmitted();
        var change = organization.Refuse(decision);
        Decide(ApplicationStatus.Refused, decision);
        return change;
    }

    private void EnsureSubmitted()
    {
        if (Status != ApplicationStatus.Submitted)
        {
            var status = Status.ToString().ToLowerInvariant();
            throw DomainException.Conflict(Organization.IllegalTransition, new Localized(
                $"Cette demande a déjà été traitée (statut : {status}); seule une demande soumise peut être approuvée ou refusée.",
                $"This application was already decided (status: {status}); only a submitted one can be approved or refused."));
        }
    }

    private void Decide(ApplicationStatus status, MembershipDecision decision)
    {
        Status = status;
        DecidedAt = decision.DecidedAt;
        DecidedBy = decision.DecidedBy;
        DecisionReason = string.IsNullOrWhiteSpace(decision.Reason) ? null : decision.Reason.Trim();
    }
}
