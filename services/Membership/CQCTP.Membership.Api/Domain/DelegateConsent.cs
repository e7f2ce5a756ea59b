namespace CQCTP.Membership.Api.Domain;

/// <summary>
/// One grant or withdrawal of a consent, kept for good (Law 25: the proof of consent is the date and the text shown).
/// Holds no personal field, so it outlives the delegate's erasure.
/// </summary>
public sealed class DelegateConsent
{
    private DelegateConsent()
    {
    }

    public Guid Id { get; private set; }
    public Guid DelegateId { get; private set; }
    public ConsentPurpose Purpose { get; private set; }
    public ConsentAction Action { get; private set; }

    /// <summary>The version of the consent text the delegate was shown; null on a withdrawal.</summary>
    public string? TextVersion { get; private set; }

    /// <summary>Directory listing only: whether the listing shows the delegate's email and phone.</summary>
    public bool ShowEmail { get; private set; }

    public bool ShowPhone { get; private set; }

    /// <summary>The client that recorded it (a portal, the staff back office, or a service reporting an unsubscribe).</summary>
    public string RecordedBy { get; private set; } = "";

    public DateTimeOffset RecordedAt { get; private set; }

    internal static DelegateConsent Record(Guid delegateId, ConsentPurpose purpose, ConsentAction action,
        string? textVersion, bool showEmail, bool showPhone, string recordedBy, DateTimeOffset now) => new()
        {
            Id = Guid.CreateVersion7(now),
            DelegateId = delegateId,
            Purpose = purpose,
            Action = action,
            TextVersion = textVersion,
            ShowEmail = showEmail,
            ShowPhone = showPhone,
            RecordedBy = recordedBy,
            RecordedAt = now,
        };
}
