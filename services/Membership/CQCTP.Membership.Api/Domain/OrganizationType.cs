namespace CQCTP.Membership.Api.Domain;

public enum OrganizationType
{
    CommunityOrganization,
    Shelter,
    LegalClinic,
    HealthAndSocialServices,
    PublicBody,
    Research,
    Other,
}
