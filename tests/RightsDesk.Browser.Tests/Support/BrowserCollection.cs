namespace RightsDesk.Browser.Tests.Support;

/// <summary>
/// Tests that drive a browser against the real host. Each collection gets one server and one Chromium; put a test
/// class in it with [Collection(BrowserCollection.Name)] and take <see cref="WebServer"/> and
/// <see cref="BrowserFixture"/> in its constructor.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<WebServer>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
