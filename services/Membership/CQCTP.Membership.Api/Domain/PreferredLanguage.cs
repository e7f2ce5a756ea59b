namespace CQCTP.Membership.Api.Domain;

/// <summary>The language a delegate reads the coalition's messages in.</summary>
public enum PreferredLanguage
{
    Fr,
    En,
}
