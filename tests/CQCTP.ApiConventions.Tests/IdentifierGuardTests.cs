using CQCTP.ApiConventions.Http;
using CQCTP.Primitives;

namespace CQCTP.ApiConventions.Tests;

public sealed class IdentifierGuardTests
{
    [Theory]
    [InlineData("Écrire à julie.tremblay@exemple.qc.ca demain.", IdentifierKind.Email, "julie.tremblay@exemple.qc.ca")]
    [InlineData("courriel:Jean-Éric.Côté+suivi@courriel.example", IdentifierKind.Email, "Jean-Éric.Côté+suivi@courriel.example")]
    [InlineData("Appeler au 514 555-0199 le soir.", IdentifierKind.Phone, "514 555-0199")]
    [InlineData("Joindre au +1 (438) 555 0199.", IdentifierKind.Phone, "+1 (438) 555 0199")]
    [InlineData("Tél. : (450) 555-0123, poste 12", IdentifierKind.Phone, "(450) 555-0123")]
    [InlineData("cell 819.555.0147", IdentifierKind.Phone, "819.555.0147")]
    [InlineData("Numéro 5145550199 laissé", IdentifierKind.Phone, "5145550199")]
    [InlineData("NAM TREJ 8512 3114 noté", IdentifierKind.HealthInsuranceNumber, "TREJ 8512 3114")]
    [InlineData("carte TREJ85623114", IdentifierKind.HealthInsuranceNumber, "TREJ85623114")]
    [InlineData("NAS 046 454 286 au dossier", IdentifierKind.SocialInsuranceNumber, "046 454 286")]
    [InlineData("NAS 130-692-544", IdentifierKind.SocialInsuranceNumber, "130-692-544")]
    [InlineData("nas:130692544.", IdentifierKind.SocialInsuranceNumber, "130692544")]
    public void Find_DirectIdentifier_ReportsKindAndSpan(string text, IdentifierKind kind, string expected)
    {
        var match = Assert.Single(IdentifierDetector.Find(text));

        Assert.Equal(kind, match.Kind);
        Assert.Equal(expected, text.Substring(match.Start, match.Length));
    }

    [Theory]
    [InlineData("La jeune a été accompagnée vers un hébergement en Estrie.")]
    [InlineData("Réunion du 2026-11-28 à 13 h 30, salle 204.")]
    [InlineData("Budget de 1 500 000 $ sur 3 ans (2026-2029).")]
    [InlineData("Numéro de dossier 046 454 287 (échoue Luhn).")]
    [InlineData("Référence 123 456 789 du ministère.")]
    [InlineData("Code 130-692-545 sans Luhn")]
    [InlineData("Article 555-0199 du règlement")]
    [InlineData("Voir www.cqctp.example et @cqctp sur les réseaux.")]
    [InlineData("ABCD 1234 5678 n'a pas de mois valide.")]
    [InlineData("Le comité a adopté la résolution 2026-14.")]
    [InlineData("")]
    [InlineData(null)]
    public void Find_TextWithoutIdentifier_FindsNothing(string? text)
    {
        var matches = IdentifierDetector.Find(text);

        Assert.Empty(matches);
    }

    [Fact]
    public void Find_SeveralIdentifiers_ReportsEachInOrder()
    {
        var text = "Julie (514 555-0199, julie@exemple.ca), NAS 046 454 286.";

        var kinds = IdentifierDetector.Find(text).Select(m => m.Kind);

        Assert.Equal([IdentifierKind.Phone, IdentifierKind.Email, IdentifierKind.SocialInsuranceNumber], kinds);
    }

    [Theory]
    [InlineData("046454286", true)]
    [InlineData("130692544", true)]
    [InlineData("046454287", false)]
    [InlineData("123456789", false)]
    [InlineData("000000000", false)]
    [InlineData("12345678", false)]
    public void IsValidSin_AppliesLuhn(string candidate, bool expected)
    {
        var valid = IdentifierDetector.IsValidSin(candidate);

        Assert.Equal(expected, valid);
    }

    [Fact]
    public void Check_CleanFields_ReturnsNull()
    {
        var result = IdentifierGuard.Check(("notes", "Suivi psychosocial en cours."), ("minutes", null));

        Assert.Null(result);
    }

    [Fact]
    public void Check_FieldWithPhone_Returns422NamingFieldAndSpan()
    {
        var result = IdentifierGuard.Check(("notes", "Rappeler au 514 555-0199."));

        Assert.NotNull(result);
        Assert.Equal(422, result.StatusCode);
        Assert.Equal("business-rule-violated", result.ProblemDetails.Extensions["code"]);
        Assert.Equal("direct-identifier", result.ProblemDetails.Extensions["rule"]);
        var errors = Assert.IsType<Dictionary<string, IdentifierError[]>>(result.ProblemDetails.Extensions["errors"]);
        var error = Assert.Single(errors["notes"]);
        Assert.Equal(("phone", 12, 12), (error.Kind, error.Start, error.Length));
    }
}
