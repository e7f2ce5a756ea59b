using System.Text.Json.Serialization;

namespace CQCTP.Membership.Api.Domain;

/// <summary>What a delegate consents to (Law 25: one consent per purpose); spelt as in the events.</summary>
public enum ConsentPurpose
{
    [JsonStringEnumMemberName("newsletter")]
    Newsletter,

    [JsonStringEnumMemberName("directory-listing")]
    DirectoryListing,
}
