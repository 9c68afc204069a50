using Crm.Application.Common.Mapping;

namespace Crm.Application.UnitTests.Mapping;

public sealed class MappingTests
{
    [Test]
    public void Every_map_fills_every_member_of_its_dto() =>
        MappingProfile.CreateMapper().ConfigurationProvider.AssertConfigurationIsValid();
}
