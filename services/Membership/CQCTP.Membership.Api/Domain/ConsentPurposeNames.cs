namespace CQCTP.Membership.Api.Domain;

/// <summary>The one spelling of a consent purpose, shared by the routes and the events.</summary>
public static class ConsentPurposeNames
{
    public const string Newsletter = "newsletter";
    public const string DirectoryListing = "directory-listing";

    public static string Name(ConsentPurpose purpose) =>
        purpose == ConsentPurpose.Newsletter ? Newsletter : DirectoryListing;

    public static ConsentPurpose? Parse(string? name) =>
        name switch
        {
            Newsletter => ConsentPurpose.Newsletter,
            DirectoryListing => ConsentPurpose.DirectoryListing,
            _ => null,
        };
}
