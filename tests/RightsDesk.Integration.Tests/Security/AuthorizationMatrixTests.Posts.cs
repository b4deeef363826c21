using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Core.Security;

namespace RightsDesk.Integration.Tests.Security;

/// <summary>
/// The POST handlers of the Razor Pages against <see cref="AuthorizationMatrixPosts"/>: every <c>OnPost…</c> method of
/// every page model, found by reflection, posted by every role's signed-in session and anonymously, each time with an
/// antiforgery token valid for that session, on every kind of case for pages about one.
/// </summary>
public sealed partial class AuthorizationMatrixTests
{
    /// <summary>A page's POST handler: its key in the table, the page's route, and the handler's name ("" for OnPost).</summary>
    public sealed record PageHandler(string Key, string Route, string Handler);

    /// <summary>Every OnPost method of every page model in the web assembly, by the routes its page is served at.</summary>
    public static async Task<IReadOnlyList<PageHandler>> PageHandlers(IServiceProvider services)
    {
        var loader = services.GetRequiredService<PageLoader>();
        var routes = new Dictionary<Type, List<string>>();
        foreach (var page in services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items.OfType<PageActionDescriptor>())
        {
            var compiled = await loader.LoadAsync(page, EndpointMetadataCollection.Empty);
            var model = compiled.ModelTypeInfo?.AsType() ?? compiled.PageTypeInfo.AsType();
            if (!routes.TryGetValue(model, out var list))
            {
                routes[model] = list = [];
            }

            list.Add("/" + page.AttributeRouteInfo!.Template);
        }

        var handlers = new List<PageHandler>();
        var models = typeof(Web.Security.RequirePermissionAttribute).Assembly.GetTypes().Where(t => typeof(PageModel).IsAssignableFrom(t) && !t.IsAbstract);
        foreach (var model in models)
        {
            var posts = model.GetMethods(BindingFlags.Public | BindingFlags.Instance)
                .Where(m => m.Name.StartsWith("OnPost", StringComparison.Ordinal))
                .Select(m => m.Name["OnPost".Length..] is var name && name.EndsWith("Async", StringComparison.Ordinal) ? name[..^"Async".Length] : m.Name["OnPost".Length..])
                .Distinct(StringComparer.Ordinal)
                .ToList();
            if (posts.Count == 0)
            {
                continue;
            }

            Assert.True(routes.TryGetValue(model, out var served), $"{model.Name} has POST handlers but no page serves it.");
            handlers.AddRange(served!.SelectMany(route => posts.Select(h => new PageHandler($"POST {route}{(h.Length == 0 ? "" : "?handler=" + h)}", route, h))));
        }

        return [.. handlers.OrderBy(h => h.Key, StringComparer.Ordinal)];
    }

    [Fact]
    public async Task Every_page_post_handler_has_an_entry_and_every_entry_a_handler()
    {
        var handlers = await PageHandlers(app.Services);
        Assert.Contains(handlers, h => h.Key == "POST /desk/demands/{id:guid}?handler=Decide");
        var missing = handlers.Select(h => h.Key).Where(k => !AuthorizationMatrixPosts.Expected.ContainsKey(k)).ToList();
        Assert.True(missing.Count == 0,
            "Page POST handlers without an entry in tests/RightsDesk.Integration.Tests/Security/AuthorizationMatrixPosts.cs (see HOW TO ADD AN ENTRY there). Add, with the roles that may call it:\n"
            + string.Join("\n", missing.Select(k => $"        [\"{k}\"] = Post.For(/* roles */),")));
        var stale = AuthorizationMatrixPosts.Expected.Keys.Where(k => handlers.All(h => h.Key != k)).ToList();
        Assert.True(stale.Count == 0, "Entries in AuthorizationMatrixPosts.Expected for handlers no page has (remove or rename them):\n" + string.Join("\n", stale));
    }

    [Fact]
    public async Task Every_page_post_handler_answers_every_caller_as_the_table_says()
    {
        var handlers = (await PageHandlers(app.Services)).Where(h => AuthorizationMatrixPosts.Expected.ContainsKey(h.Key))
            // Signing out ends the session that posts it, so it goes last; signing in (a failed one) just before it.
            .OrderBy(h => h.Route switch { "/account/signout" => 2, "/account/signin" => 1, _ => 0 }).ThenBy(h => h.Key, StringComparer.Ordinal).ToList();
        var pages = MappedEndpoints(app.Services).ToDictionary(m => m.Key, m => m.Endpoint, StringComparer.Ordinal);
        var callers = Roles.All.Append(Anonymous).ToList();
        var credentials = await Credentials(callers);
        var requesters = credentials.Values.Where(c => c.OfficialUserId is not null).DistinctBy(c => c.Actor).ToDictionary(c => c.Actor!, c => c.OfficialUserId!, StringComparer.Ordinal);
        var cases = await MakeCases(credentials.Values.Select(c => c.Actor).OfType<string>().Distinct().ToList(), requesters);
        var tokens = new Dictionary<HttpClient, string>();
        var mismatches = new List<string>();
        var calls = 0;
        foreach (var handler in handlers)
        {
            var post = AuthorizationMatrixPosts.Expected[handler.Key];
            var page = AuthorizationMatrixPosts.PageOf(handler.Key);
            var endpoint = pages["GET " + handler.Route];
            foreach (var caller in callers)
            {
                var credential = credentials[(caller, false)];
                if (!tokens.TryGetValue(credential.Client, out var token))
                {
                    tokens[credential.Client] = token = await FormToken(credential.Client, caller);
                }

                var variants = page.CaseRule == CaseRule.None ? [CaseVariant.Other] : Enum.GetValues<CaseVariant>();
                foreach (var variant in variants)
                {
                    var path = await Path(endpoint, page, CaseFor(cases, credential.Actor, variant), cases) + (handler.Handler.Length == 0 ? "" : "?handler=" + handler.Handler);
                    List<KeyValuePair<string, string>> fields = [new("__rd_form", token)];
                    if (post.Kind != ObjectKind.None)
                    {
                        fields.Add(new(post.Field!, await FreshId(post.Kind, cases)));
                    }

                    using var response = await credential.Client.PostAsync(path, new FormUrlEncodedContent(fields));
                    calls++;
                    var expected = ExpectPost(page, post, credential.Accepted ? caller : Anonymous, variant);
                    var actual = (int)response.StatusCode >= 500 ? (Outcome?)null : Classify(response, page with { AllowedStatus = post.AllowedStatus });
                    if (actual != expected)
                    {
                        var how = credential.Accepted ? "" : " (signed out, or with a credential pages do not take)";
                        mismatches.Add($"{handler.Key} as {caller}{how}{(page.CaseRule == CaseRule.None ? "" : " on a case " + variant)}: expected {expected}, got {actual?.ToString() ?? "a server error"} ({(int)response.StatusCode} {response.Headers.Location} {Shorten(await response.Content.ReadAsStringAsync())})");
                    }
                }
            }
        }

        Assert.True(calls >= handlers.Count * callers.Count, "the matrix made fewer posts than handlers × callers");
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {calls} answers to page posts differ from AuthorizationMatrixPosts.Expected:\n" + string.Join("\n", mismatches));
    }

    /// <summary>The page's gate first (its roles, the case in sight), then the handler's own permission.</summary>
    private static Outcome ExpectPost(Rule page, Post post, string caller, CaseVariant variant)
    {
        if (post.IsPublic)
        {
            return Outcome.Allowed;
        }

        if (caller == Anonymous)
        {
            return Outcome.Unauthenticated;
        }

        if (!page.IsPublic && !page.Roles.Contains(caller))
        {
            return Outcome.Forbidden;
        }

        // A page its filer may open for the case's status (the demand page, which sends them to it) still acts on the
        // case only for those who see its contents.
        var gate = page.CaseRule == CaseRule.Status ? page with { CaseRule = CaseRule.Contents } : page;
        if (gate.CaseRule != CaseRule.None && !gate.Reaches(caller, variant, viaToken: false))
        {
            return Outcome.Hidden;
        }

        return post.Roles.Contains(caller) ? Outcome.Allowed : Outcome.Forbidden;
    }

    /// <summary>An antiforgery token for the client's own session (or for no session), from a page it may open.</summary>
    private static async Task<string> FormToken(HttpClient client, string caller)
    {
        foreach (var page in new[] { "/desk", "/portal", "/account/signin" })
        {
            using var response = await client.GetAsync(page);
            if (response.StatusCode == HttpStatusCode.OK && FormTokenField().Match(await response.Content.ReadAsStringAsync()) is { Success: true } token)
            {
                return WebUtility.HtmlDecode(token.Groups[1].Value);
            }
        }

        throw new InvalidOperationException($"No page gave {caller} a form with an antiforgery token.");
    }

    [GeneratedRegex("name=\"__rd_form\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex FormTokenField();
}
