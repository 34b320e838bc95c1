using MicroGrad.TestSupport;
using PuppeteerSharp;

namespace MicroGrad.Viz.Tests.TestSupport;

/// <summary>
/// One headless Chromium for a test class: the system's (Debian package <c>chromium</c>, which
/// <c>.ci/run</c> installs), required on CI and skipped with a reason elsewhere.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

    public IBrowser? Browser { get; private set; }

    public string? Executable { get; } = Environment.GetEnvironmentVariable("MGVIZ_CHROMIUM") is { Length: > 0 } configured
        ? configured
        : Candidates.FirstOrDefault(File.Exists);

    public async ValueTask InitializeAsync()
    {
        if (Executable is null)
        {
            return;
        }

        Browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = Executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>The browser, or a skip (off CI) or failure (on CI) saying Chromium is missing.</summary>
    public IBrowser Require()
    {
        if (Browser is { } browser)
        {
            return browser;
        }

        if (Snapshot.IsCi)
        {
            Assert.Fail("Chromium is required on CI (apt-get install chromium; .ci/run installs it).");
        }

        Assert.Skip("Chromium is not installed on this machine; install the chromium package to run the browser tests (CI installs it and never skips).");
        throw new InvalidOperationException();
    }

    public async ValueTask DisposeAsync()
    {
        // A launch that failed leaves no browser to close.
        if (Browser is { } browser)
        {
            await browser.CloseAsync();
            browser.Dispose();
        }
    }
}
