using System.Globalization;

namespace CQCTP.ApiConventions.Tests;

/// <summary>Runs a block under a UI culture, as the request localization middleware would.</summary>
internal sealed class CultureScope : IDisposable
{
    private readonly CultureInfo previous = CultureInfo.CurrentUICulture;

    public CultureScope(string culture) => CultureInfo.CurrentUICulture = new CultureInfo(culture);

    public void Dispose() => CultureInfo.CurrentUICulture = previous;
}
