using CQCTP.ApiConventions.Http;
using CQCTP.Primitives;
using Microsoft.AspNetCore.Http;

namespace CQCTP.ApiConventions.Tests;

public sealed class PreconditionsTests
{
    private static readonly Resource Current = new(new Guid("019ac5a0-0000-7000-8000-000000000042"), 42);
    private static readonly string Tag = Preconditions.ETag(Current);
    private static readonly string OlderTag = Preconditions.ETag(Current with { Version = 41 });

    public static TheoryData<string, bool> IfMatchHeaders => new()
    {
        { Tag, true },
        { "*", true },
        { $"{OlderTag}, {Tag}", true },
        { OlderTag, false },
        { $"W/{Tag}", false },
        { "garbage", false },
    };

    [Theory]
    [MemberData(nameof(IfMatchHeaders))]
    public void CheckIfMatch_ComparesStrongly(string ifMatch, bool matches)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.IfMatch = ifMatch;

        var failure = Preconditions.CheckIfMatch(context.Request, Current);

        Assert.Equal(matches, failure is null);
        if (failure is not null)
        {
            Assert.Equal(StatusCodes.Status412PreconditionFailed, failure.StatusCode);
        }
    }

    [Fact]
    public void ETag_IsAQuotedStrongTagThatHidesTheRowVersion()
    {
        Assert.StartsWith("\"", Tag, StringComparison.Ordinal);
        Assert.EndsWith("\"", Tag, StringComparison.Ordinal);
        Assert.DoesNotContain("42", Tag, StringComparison.Ordinal);
        Assert.Equal(24, Tag.Length);
    }

    [Fact]
    public void ETag_DiffersPerVersionAndPerResource()
    {
        var otherResource = Preconditions.ETag(Current with { Id = Guid.CreateVersion7() });

        Assert.NotEqual(Tag, OlderTag);
        Assert.NotEqual(Tag, otherResource);
        Assert.Equal(Tag, Preconditions.ETag(Current with { }));
    }

    [Fact]
    public void CheckIfNoneMatch_WithTheCurrentTag_Answers304AndSetsTheTag()
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.IfNoneMatch = $"W/{Tag}";

        var notModified = Preconditions.CheckIfNoneMatch(context, Current);

        Assert.Equal(StatusCodes.Status304NotModified, notModified?.StatusCode);
        Assert.Equal(Tag, context.Response.Headers.ETag.ToString());
    }

    [Fact]
    public void CheckIfNoneMatch_WithAnOlderTag_LetsTheReadThrough()
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.IfNoneMatch = OlderTag;

        Assert.Null(Preconditions.CheckIfNoneMatch(context, Current));
    }

    private sealed record Resource(Guid Id, uint Version) : IVersioned;
}
