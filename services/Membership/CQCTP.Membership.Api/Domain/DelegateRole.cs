using System.Text.Json.Serialization;

namespace CQCTP.Membership.Api.Domain;

/// <summary>What a delegate does for their organization; spelt as in the events (<c>agm-delegate</c>).</summary>
public enum DelegateRole
{
    [JsonStringEnumMemberName("agm-delegate")]
    AgmDelegate,

    [JsonStringEnumMemberName("primary-contact")]
    PrimaryContact,
}
