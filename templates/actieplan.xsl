<?xml version="1.0" encoding="UTF-8"?>
<!-- kngg: Actieplan verbeteringen na het experiment (stap 2.3), per gebied of doelgroep -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="xml" encoding="UTF-8" indent="no"/>
  <xsl:include href="common.xsl"/>
  <xsl:param name="today"/>
  <xsl:param name="area"/>

  <xsl:variable name="all-runs" select="/kngg-export/phases/phase[@number = 2]/runs/run"/>
  <xsl:variable name="runs" select="$all-runs[$area = '' or @label = $area]"/>

  <xsl:template match="/kngg-export">
    <document title="Actieplan verbeteringen" subtitle="Kind naar Gezonder Gewicht in {@name}{substring(concat(', gebied ', $area), 1, 1000 * number($area != ''))}">
      <xsl:call-template name="kngg-header"><xsl:with-param name="today" select="$today"/></xsl:call-template>
      <p>Na de evaluatie van het experiment (stap 2.2) spreekt de projectgroep af wat beter moet, wie dat oppakt en wanneer. Waar nodig geven de bestuurders akkoord, liefst via de stuurgroep.</p>
      <xsl:choose>
        <xsl:when test="$runs">
          <xsl:for-each select="$runs">
            <xsl:call-template name="run"/>
          </xsl:for-each>
        </xsl:when>
        <xsl:when test="$area != ''">
          <p>Gebied <xsl:value-of select="$area"/> staat niet in de gegevens van fase 2.<xsl:if test="$all-runs"> Bekende gebieden: <xsl:for-each select="$all-runs"><xsl:value-of select="@label"/><xsl:if test="position() != last()">, </xsl:if></xsl:for-each>.</xsl:if></p>
          <xsl:call-template name="blank"/>
        </xsl:when>
        <xsl:otherwise>
          <p>Fase 2 is nog in geen enkel gebied begonnen; dit actieplan is daarom nog leeg.</p>
          <xsl:call-template name="blank"/>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:call-template name="kngg-source-note"/>
    </document>
  </xsl:template>

  <!-- Eén gebied of doelgroep. -->
  <xsl:template name="run">
    <xsl:variable name="label" select="@label"/>
    <xsl:variable name="s22" select="steps/step[@id = '2.2']"/>
    <h1>Gebied <xsl:value-of select="@label"/><xsl:if test="@target_group">, <xsl:value-of select="@target_group"/></xsl:if></h1>
    <xsl:call-template name="kngg-steps-table">
      <xsl:with-param name="steps" select="steps/step[@id = '2.1' or @id = '2.2' or @id = '2.3']"/>
    </xsl:call-template>

    <h2>Uitkomsten van de evaluatie</h2>
    <xsl:call-template name="kngg-step-state">
      <xsl:with-param name="step" select="$s22"/>
      <xsl:with-param name="id" select="'2.2'"/>
    </xsl:call-template>
    <xsl:if test="$s22/deliverables/deliverable[@done]">
      <xsl:call-template name="kngg-deliverables-table"><xsl:with-param name="step" select="$s22"/></xsl:call-template>
    </xsl:if>
    <p><b>Wat werkte:</b><xsl:text> </xsl:text><fill>onderdelen van het experiment die blijven</fill></p>
    <p><b>Wat beter moet:</b><xsl:text> </xsl:text><fill>knelpunten uit de gesprekken met professionals, kinderen en ouders en uit de cijfers</fill></p>

    <h2>Verbeteringen</h2>
    <xsl:call-template name="actions"/>

    <h2>Akkoord</h2>
    <xsl:call-template name="kngg-signatures-table">
      <xsl:with-param name="sigs" select="/kngg-export/signatures/signature[@signoff = '2.3/s1' and @area = $label]"/>
      <xsl:with-param name="empty" select="'Nog geen akkoord van de bestuurders vastgelegd (alleen nodig als de verbeteringen dat vragen).'"/>
      <xsl:with-param name="fill" select="'of bestuurlijk akkoord nodig is, van wie, en wanneer het op de agenda van de stuurgroep staat'"/>
    </xsl:call-template>
    <xsl:for-each select="/kngg-export/readiness/sections/section[@area = $label or contains(@scope, $label)]/rules/rule[@kind = 'getekend' and @id = '2.3/s1' and @met = 'false']">
      <p><i>Volgens kngg nog nodig:</i><xsl:text> </xsl:text><xsl:call-template name="kngg-without-command"><xsl:with-param name="text" select="@text"/></xsl:call-template></p>
    </xsl:for-each>
  </xsl:template>

  <!-- De actietabel met lege regels. -->
  <xsl:template name="actions">
    <table>
      <tr><th>Verbeterpunt</th><th>Actie</th><th>Wie</th><th>Klaar op</th><th>Nodig (mensen, geld)</th><th>Prioriteit</th></tr>
      <xsl:call-template name="action-row"/>
      <xsl:call-template name="action-row"/>
      <xsl:call-template name="action-row"/>
    </table>
    <p><fill>of er een (nieuwe) werkgroep nodig is, en zo ja welke</fill></p>
  </xsl:template>

  <xsl:template name="action-row">
    <tr>
      <td><fill>verbeterpunt</fill></td>
      <td><fill>wat er gebeurt</fill></td>
      <td><fill>naam en organisatie</fill></td>
      <td><fill>datum</fill></td>
      <td><fill>extra inzet</fill></td>
      <td><fill>hoog, middel of laag</fill></td>
    </tr>
  </xsl:template>

  <xsl:template name="blank">
    <h1>Verbeteringen</h1>
    <p><b>Gebied en doelgroep:</b><xsl:text> </xsl:text><fill>waar het experiment liep en voor wie</fill></p>
    <p><b>Uitkomsten van de evaluatie:</b><xsl:text> </xsl:text><fill>wat werkte en wat beter moet</fill></p>
    <xsl:call-template name="actions"/>
  </xsl:template>
</xsl:stylesheet>
