metadata description = 'Event Hubs namespace and the withdrawals hub that exchanges stream into.'

@description('Globally unique namespace name.')
param namespaceName string

param location string

param tags object

@description('Hub that carries withdrawal events.')
param eventHubName string

@description('Producers partition by platform, so this bounds how many platforms are processed in parallel. It cannot be lowered after creation on the Standard tier.')
@minValue(1)
@maxValue(32)
param partitionCount int

@description('Consumer group read only by the alert functions, so other readers never steal their checkpoints.')
param consumerGroupName string

@description('Standard tier keeps events for at most 7 days.')
@minValue(1)
@maxValue(7)
param messageRetentionInDays int = 7

@description('Name of the hub-level rule that lets producers send and nothing else.')
param producerRuleName string = 'producers-send'

resource namespace 'Microsoft.EventHub/namespaces@2024-01-01' = {
  name: namespaceName
  location: location
  tags: tags
  sku: {
    name: 'Standard'
    tier: 'Standard'
    capacity: 1
  }
  properties: {
    minimumTlsVersion: '1.2'
    publicNetworkAccess: 'Enabled'
    // Exchanges authenticate with the send-only SAS rule below, so local (SAS) auth stays on; the functions use Entra ID.
    disableLocalAuth: false
    isAutoInflateEnabled: true
    maximumThroughputUnits: 4
  }
}

resource hub 'Microsoft.EventHub/namespaces/eventhubs@2024-01-01' = {
  parent: namespace
  name: eventHubName
  properties: {
    partitionCount: partitionCount
    messageRetentionInDays: messageRetentionInDays
  }
}

resource consumerGroup 'Microsoft.EventHub/namespaces/eventhubs/consumergroups@2024-01-01' = {
  parent: hub
  name: consumerGroupName
  properties: {
    userMetadata: 'Read by the alert functions Event Hub trigger.'
  }
}

// Scoped to the hub rather than the namespace so a leaked producer key can only send to this one hub.
resource producerSendRule 'Microsoft.EventHub/namespaces/eventhubs/authorizationRules@2024-01-01' = {
  parent: hub
  name: producerRuleName
  properties: {
    rights: [
      'Send'
    ]
  }
}

output namespaceName string = namespace.name

// serviceBusEndpoint looks like https://<name>.servicebus.windows.net:443/; reading the host from it keeps sovereign clouds right.
output namespaceFqdn string = split(split(split(namespace.properties.serviceBusEndpoint, '://')[1], '/')[0], ':')[0]

output eventHubName string = hub.name

output consumerGroupName string = consumerGroup.name

output producerRuleName string = producerSendRule.name
