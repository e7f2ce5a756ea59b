using CQCTP.ApiConventions.Http;
using CQCTP.Primitives;

namespace CQCTP.ApiConventions.Tests;

public sealed class IdentifierAllowlistTests
{
    [Theory]
    [InlineData("1-833-900-1010", "8339001010")]
    [InlineData("+1 (833) 900-1010", "8339001010")]
    [InlineData("833.900.1010", "8339001010")]
    [InlineData("18339001010", "8339001010")]
    [InlineData("514 555-0199", "5145550199")]
    public void NormalizePhone_KeepsTheTenDigits(string phone, string expected)
    {
        var normalized = IdentifierAllowlist.NormalizePhone(phone);

        Assert.Equal(expected, normalized);
    }

    [Fact]
    public void NormalizeEmail_LowerCasesAndTrims()
    {
        var normalized = IdentifierAllowlist.NormalizeEmail("  Info@Maison-Phare.QC.ca ");

        Assert.Equal("info@maison-phare.qc.ca", normalized);
    }

    [Theory]
    [InlineData("Ligne d'urgence : 1 833 900-1010, jour et nuit.")]
    [InlineData("Appelez le (833) 900-1010.")]
    [InlineData("Écrivez à INFO@maison-phare.qc.ca.")]
    public void Find_PublishedContactInAnySpelling_IsAllowed(string text)
    {
        var allowed = new IdentifierAllowlist(["1-833-900-1010", "info@Maison-Phare.qc.ca"]);

        var matches = IdentifierDetector.Find(text, allowed);

        Assert.Empty(matches);
    }

    [Fact]
    public void Find_OtherIdentifiersBesideAnAllowedOne_AreStillReported()
    {
        var allowed = new IdentifierAllowlist(["1-833-900-1010", "info@maison-phare.qc.ca"]);
        var text = "Ligne 1-833-900-1010 ou Julie au 514 555-0199 (julie@exemple.ca).";

        var kinds = IdentifierDetector.Find(text, allowed).Select(m => (m.Kind, m.Text));

        Assert.Equal([(IdentifierKind.Phone, "514 555-0199"), (IdentifierKind.Email, "julie@exemple.ca")], kinds);
    }

    [Fact]
    public void Find_AnAllowlistNeverLetsASocialInsuranceNumberThrough()
    {
        var allowed = new IdentifierAllowlist(["046 454 286"]);

        var match = Assert.Single(IdentifierDetector.Find("NAS 046 454 286", allowed));

        Assert.Equal(IdentifierKind.SocialInsuranceNumber, match.Kind);
    }

    [Fact]
    public void Check_WithTheAllowlist_PassesThePublishedContact_AndRefusesAnother()
    {
        var allowed = new IdentifierAllowlist(["info@maison-phare.qc.ca"]);

        var clean = IdentifierGuard.Check(allowed, ("description.fr", "Écrire à info@maison-phare.qc.ca."));
        var refused = IdentifierGuard.Check(allowed, ("description.fr", "Écrire à julie@maison-phare.qc.ca."));

        Assert.Null(clean);
        Assert.NotNull(refused);
        Assert.Equal(422, refused.StatusCode);
    }
}
