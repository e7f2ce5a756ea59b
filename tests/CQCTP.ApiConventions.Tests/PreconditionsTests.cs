using CQCTP.ApiConventions.Http;
using Microsoft.AspNetCore.Http;

namespace CQCTP.ApiConventions.Tests;

public sealed class PreconditionsTests
{
    [Theory]
    [InlineData("\"42\"", true)]
    [InlineData("*", true)]
    [InlineData("\"41\", \"42\"", true)]
    [InlineData("\"41\"", false)]
    [InlineData("W/\"42\"", false)]
    [InlineData("garbage", false)]
    public void CheckIfMatch_ComparesStrongly(string ifMatch, bool matches)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.IfMatch = ifMatch;

        var failure = Preconditions.CheckIfMatch(context.Request, 42);

        Assert.Equal(matches, failure is null);
        if (failure is not null)
        {
            Assert.Equal(StatusCodes.Status412PreconditionFailed, failure.StatusCode);
        }
    }

    [Fact]
    public void ETag_IsAQuotedStrongTag() => Assert.Equal("\"7\"", Preconditions.ETag(7));
}
