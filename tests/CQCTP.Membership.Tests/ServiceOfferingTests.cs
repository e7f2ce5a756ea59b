using CQCTP.Membership.Api.Domain;
using CQCTP.Primitives;

namespace CQCTP.Membership.Tests;

public sealed class ServiceOfferingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Offer_IsPrivateUnlessSaidOtherwise_AndKeepsBothFocuses()
    {
        var service = ServiceOffering.Offer(Guid.NewGuid(), Details([ServiceFocus.ForcedLabour, ServiceFocus.SexualExploitation]), Now);

        Assert.False(service.IsPublic);
        Assert.Equal([ServiceFocus.SexualExploitation, ServiceFocus.ForcedLabour], service.Focus);
        Assert.Equal(["05", "16"], service.RegionCodes);
        Assert.Equal(["en", "fr"], service.Languages);
    }

    [Fact]
    public void Update_WithoutFocus_IsRefusedWithFocusRequired()
    {
        var service = ServiceOffering.Offer(Guid.NewGuid(), Details([ServiceFocus.ForcedLabour]), Now);

        var refused = Assert.Throws<DomainException>(() => service.Update(Details([]), Now));

        Assert.Equal(ServiceOffering.FocusRequired, refused.Code);
        Assert.Equal(DomainRuleKind.RuleBroken, refused.Kind);
    }

    [Theory]
    [InlineData("1-833-900-1010", "8339001010")]
    [InlineData("Info@Ligne.example", "info@ligne.example")]
    [InlineData("pas un contact", null)]
    [InlineData("514 555-0199 ou 514 555-0100", null)]
    public void PublishedContact_Normalize_AcceptsOneEmailOrPhone(string value, string? expected)
    {
        var normalized = PublishedContact.Normalize(value);

        Assert.Equal(expected, normalized);
    }

    private static ServiceOfferingDetails Details(IReadOnlyList<ServiceFocus> focus) =>
        new("shelter", BilingualText.Of("Hébergement"), null, ["16", "05", "05"], ["fr", "EN"], focus, IsPublic: false);
}
