using System.Reflection;
using NetArchTest.Rules;

namespace Crm.Architecture.Tests;

/// <summary>Nothing points upward: Domain depends on nothing, Application on Domain only, WebApi composes.</summary>
public sealed class LayerTests
{
    private static readonly Assembly Domain = typeof(Domain.Common.Entity).Assembly;
    private static readonly Assembly Application = typeof(Application.DependencyInjection).Assembly;
    private static readonly Assembly Infrastructure = typeof(Infrastructure.DependencyInjection).Assembly;
    private static readonly Assembly WebApi = typeof(WebApi.Http.Problems).Assembly;

    [Test]
    public void The_domain_depends_on_no_other_layer_and_no_library()
    {
        var result = Types.InAssembly(Domain).ShouldNot().HaveDependencyOnAny(
            "Crm.Application", "Crm.Infrastructure", "Crm.WebApi", "MediatR", "FluentValidation", "AutoMapper",
            "Ardalis.Specification", "Microsoft.EntityFrameworkCore", "Npgsql", "Microsoft.AspNetCore").GetResult();

        result.IsSuccessful.ShouldBeTrue(Failing(result));
    }

    [Test]
    public void The_application_depends_on_neither_infrastructure_nor_the_web_nor_the_database()
    {
        var result = Types.InAssembly(Application).ShouldNot().HaveDependencyOnAny(
            "Crm.Infrastructure", "Crm.WebApi", "Microsoft.EntityFrameworkCore", "Npgsql", "Microsoft.AspNetCore",
            "StackExchange.Redis", "Amazon", "MailKit").GetResult();

        result.IsSuccessful.ShouldBeTrue(Failing(result));
    }

    [Test]
    public void Infrastructure_does_not_depend_on_the_web_layer()
    {
        var result = Types.InAssembly(Infrastructure).ShouldNot().HaveDependencyOn("Crm.WebApi").GetResult();

        result.IsSuccessful.ShouldBeTrue(Failing(result));
    }

    [Test]
    public void Endpoints_only_translate_http_and_never_touch_the_database()
    {
        var result = Types.InAssembly(WebApi).That().ResideInNamespace("Crm.WebApi.Endpoints")
            .ShouldNot().HaveDependencyOnAny("Microsoft.EntityFrameworkCore", "Npgsql", "Crm.Infrastructure.Data", "Crm.Domain.Deals.Rules")
            .GetResult();

        result.IsSuccessful.ShouldBeTrue(Failing(result));
    }

    private static string Failing(TestResult result) =>
        "Breaking the rule: " + string.Join(", ", result.FailingTypeNames ?? []);
}
