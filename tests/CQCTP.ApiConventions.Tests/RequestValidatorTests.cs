using System.ComponentModel.DataAnnotations;
using CQCTP.ApiConventions.Http;
using CQCTP.ApiConventions.Validation;
using CQCTP.Primitives;

namespace CQCTP.ApiConventions.Tests;

public sealed class RequestValidatorTests
{
    public sealed record Meeting
    {
        [Required]
        [MaxLength(10)]
        public string Title { get; init; } = "";

        [BilingualMaxLength(5)]
        public BilingualText? Summary { get; init; }

        public IReadOnlyList<Item> Items { get; init; } = [];
    }

    public sealed record Item([property: Range(1, 3)] int Rank, [Required] string? Label);

    [Fact]
    public void Validate_ValidRequest_ReturnsNoErrors()
    {
        var errors = RequestValidator.Validate(new Meeting { Title = "CA", Items = [new Item(1, "ok")] });

        Assert.Empty(errors);
    }

    [Fact]
    public void Validate_MissingRequired_ReportsRequiredOnlyWithCamelCaseKey()
    {
        var errors = RequestValidator.Validate(new Meeting { Title = "" });

        var error = Assert.Single(errors);
        Assert.Equal("title", error.Key);
        Assert.Equal(ValidationMessages.Required, Assert.Single(error.Value).Code);
    }

    [Fact]
    public void Validate_NestedAndIndexedMembers_UseJsonPaths()
    {
        var request = new Meeting
        {
            Title = "Rencontre trop longue",
            Summary = new BilingualText { Fr = "", En = "far too long" },
            Items = [new Item(1, "ok"), new Item(7, null)],
        };

        var errors = RequestValidator.Validate(request);

        Assert.Equal(ValidationMessages.TooLong, errors["title"][0].Code);
        Assert.Equal(ValidationMessages.TooLong, errors["summary"][0].Code);
        Assert.Equal(ValidationMessages.OutOfRange, errors["items[1].rank"][0].Code);
        Assert.Equal(ValidationMessages.Required, errors["items[1].label"][0].Code);
        Assert.False(errors.ContainsKey("items[0].rank"));
    }

    [Theory]
    [InlineData("fr-CA", "Ce champ ne doit pas dépasser 10 caractères.")]
    [InlineData("en", "This field must not exceed 10 characters.")]
    public void Validate_Messages_FollowUiCultureWithArguments(string culture, string expected)
    {
        using var scope = new CultureScope(culture);

        var errors = RequestValidator.Validate(new Meeting { Title = new string('x', 11) });

        Assert.Equal(expected, errors["title"][0].Message);
    }

    [Fact]
    public void PageQuery_OutOfBounds_IsReported()
    {
        var errors = RequestValidator.Validate(new PageQuery { Page = 0, PageSize = PageQuery.MaxPageSize + 1 });

        Assert.Equal(ValidationMessages.OutOfRange, errors["page"][0].Code);
        Assert.Equal(ValidationMessages.OutOfRange, errors["pageSize"][0].Code);
    }

    [Theory]
    [InlineData(typeof(Meeting), true)]
    [InlineData(typeof(string), false)]
    [InlineData(typeof(int?), false)]
    [InlineData(typeof(System.Text.Json.JsonElement), false)]
    public void IsRequestType_OnlyPlatformTypes(Type type, bool expected) =>
        Assert.Equal(expected, RequestValidator.IsRequestType(type));
}
