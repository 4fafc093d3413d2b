using './main.bicep'

param baseName = 'alertfn-dev'

param hostingPlan = 'FlexConsumption'

param eventHubPartitionCount = 4

// Dev vaults are torn down often; purge protection would block reusing the name for 90 days.
param enableKeyVaultPurgeProtection = false

// Read at deploy time so the webhook URL never lands in the repository; unset leaves the secret as it is.
param teamsWebhookUrl = readEnvironmentVariable('TEAMS_WEBHOOK_URL', '')

param tags = {
  environment: 'dev'
  workload: 'alert-functions'
}
