<?xml version="1.0" encoding="UTF-8"?>
<!-- kngg: Besluitnotitie doorgaan of niet (stap 1.5), met stand van fase 1, draagvlak en het besluit -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="xml" encoding="UTF-8" indent="no"/>
  <xsl:include href="common.xsl"/>
  <xsl:param name="today"/>

  <xsl:variable name="p1" select="/kngg-export/phases/phase[@number = 1]/runs/run[1]/steps"/>
  <xsl:variable name="people" select="/kngg-export/stakeholders/stakeholder[not(@erased = 'true')]"/>
  <xsl:variable name="decisions" select="/kngg-export/signatures/signature[@signoff = '1.5/s1']"/>
  <xsl:variable name="live" select="$decisions[not(@withdrawn = 'true')]"/>
  <!-- de stappen tot en met het besluit, en de stappen die pas na een go komen -->
  <xsl:variable name="before" select="'|1.1|1.2|1.3|1.4|1.5|'"/>
  <xsl:variable name="after" select="'|1.5|1.6|1.7|1.8|'"/>

  <xsl:template match="/kngg-export">
    <document title="Besluitnotitie: doorgaan of niet" subtitle="Kind naar Gezonder Gewicht in {@name}, stap 1.5">
      <xsl:call-template name="kngg-header"><xsl:with-param name="today" select="$today"/></xsl:call-template>

      <h1>Waarover wordt besloten</h1>
      <p>De beslissers kiezen of <xsl:value-of select="@name"/> de lokale aanpak voor kinderen met overgewicht volgens het projectplan gaat uitvoeren en betalen (go), of niet (no-go). Zonder go start er geen experiment in fase 2.</p>
      <xsl:variable name="def" select="$p1/step[@id = '1.5']/signoffs/signoff[@id = '1.5/s1']"/>
      <xsl:if test="$def/@text">
        <p><i>Wat vastgelegd wordt:</i><xsl:text> </xsl:text><xsl:value-of select="$def/@text"/></p>
      </xsl:if>
      <xsl:variable name="plan" select="($p1/step[@id = '1.4']/deliverables/deliverable[@document])[last()]"/>
      <p>
        <b>Projectplan:</b><xsl:text> </xsl:text>
        <xsl:call-template name="kngg-value-or-fill">
          <xsl:with-param name="value" select="$plan/@document"/>
          <xsl:with-param name="fill" select="'titel en versie van het projectplan waarover besloten wordt'"/>
        </xsl:call-template>
        <br/><b>Looptijd en bedrag:</b><xsl:text> </xsl:text><fill>voor welke periode en welk totaalbedrag het besluit geldt</fill>
        <br/><b>Vorm van het besluit:</b><xsl:text> </xsl:text><fill>collegebesluit, beschikking of raadsbesluit; en of ook de directeur Publieke Gezondheid moet instemmen</fill>
      </p>

      <h1>Voorstel</h1>
      <p><fill>het voorstel aan de beslissers in een of twee zinnen, met de belangrijkste reden</fill></p>

      <h1>Wat het project vraagt</h1>
      <p>Per organisatie: wie al heeft toegezegd en welke inzet het projectplan vraagt.</p>
      <table>
        <tr><th>Organisatie</th><th>Al toegezegd door</th><th>Gevraagde inzet (mensen, uren, geld)</th></tr>
        <xsl:for-each select="organisations/organisation">
          <xsl:variable name="in" select="$people[@organisation = current()/@name and @committed = 'true']"/>
          <tr>
            <td><xsl:value-of select="@name"/></td>
            <td>
              <xsl:for-each select="$in"><xsl:call-template name="kngg-person-name"/> (<xsl:value-of select="@level"/>)<xsl:if test="position() != last()">, </xsl:if></xsl:for-each>
              <xsl:if test="not($in)">nog niemand</xsl:if>
            </td>
            <td><fill>inzet van <xsl:value-of select="@name"/></fill></td>
          </tr>
        </xsl:for-each>
        <tr><td><fill>andere financier</fill></td><td>-</td><td><fill>bijdrage</fill></td></tr>
      </table>

      <h1>Meerjarige inzet</h1>
      <p>Een goedlopende aanpak vraagt meestal een aantal jaren. De handreiking raadt daarom aan dat elke deelnemende partij haar bijdrage in de meerjarenbegroting opneemt en de visie op de lange termijn in haar beleidsplannen verwerkt (stap 1.5, tips: regels 2589-2601). Een besluit voor één jaar is een wankele basis.</p>
      <table>
        <tr><th>Partij</th><th>Bijdrage per jaar en voor hoeveel jaar</th><th>In de meerjarenbegroting</th><th>In het beleidsplan</th></tr>
        <xsl:for-each select="organisations/organisation[@type = 'gemeente' or @name = $people[@committed = 'true']/@organisation]">
          <tr>
            <td><xsl:value-of select="@name"/></td>
            <td><fill>bedrag of uren per jaar, van welk jaar tot welk jaar</fill></td>
            <td><fill>ja (welke begroting) of nog niet</fill></td>
            <td><fill>welk plan, of nog niet</fill></td>
          </tr>
        </xsl:for-each>
        <tr><td><fill>andere financier</fill></td><td><fill>bijdrage en looptijd</fill></td><td><fill>ja of nog niet</fill></td><td><fill>welk plan</fill></td></tr>
      </table>
      <p><b>Wat na de eerste jaren:</b><xsl:text> </xsl:text><fill>hoe de aanpak na de projectperiode uit reguliere budgetten doorloopt, en wanneer dat besluit genomen wordt</fill></p>

      <h1>Stand van fase 1</h1>
      <p>De stappen tot en met dit besluit:</p>
      <xsl:call-template name="kngg-steps-table"><xsl:with-param name="steps" select="$p1/step[contains($before, concat('|', @id, '|'))]"/></xsl:call-template>
      <!-- open punten van fase 1, zonder het besluit zelf (1.5) en zonder wat er pas na
           een go aan de beurt is (1.6 tot en met 1.8) -->
      <xsl:variable name="open" select="readiness/sections/section[starts-with(@scope, 'fase 1')]/rules/rule[@met = 'false'][not(contains($after, concat('|', substring-before(concat(@id, '/'), '/'), '|')))]"/>
      <xsl:if test="readiness/sections/section[starts-with(@scope, 'fase 1')]">
        <p>Nog open vóór het besluit:</p>
        <xsl:call-template name="kngg-open-rules">
          <xsl:with-param name="rules" select="$open"/>
          <xsl:with-param name="empty" select="'Alles wat vóór het besluit af moet zijn, is af.'"/>
        </xsl:call-template>
      </xsl:if>
      <p>Na een go volgen nog de samenwerkingsovereenkomst met de besturen van de partners (stap 1.6), de inrichting van de projectorganisatie (1.7) en de uitwerking van de lokale aanpak (1.8). Die horen bij de uitvoering van het besluit en staan hier daarom niet als open punt.</p>

      <h1>Draagvlak</h1>
      <p>Commitment per niveau. Alleen een uitdrukkelijke toezegging telt; geïnformeerd zijn is niet genoeg.</p>
      <table>
        <tr><th>Niveau</th><th>Met commitment</th><th>Nog zonder commitment</th></tr>
        <xsl:call-template name="level-row"><xsl:with-param name="level" select="'bestuurlijk'"/></xsl:call-template>
        <xsl:call-template name="level-row"><xsl:with-param name="level" select="'management'"/></xsl:call-template>
        <xsl:call-template name="level-row"><xsl:with-param name="level" select="'uitvoerend'"/></xsl:call-template>
      </table>
      <xsl:variable name="commit-risks" select="risks/risk[@kind = 'committer-left' or @kind = 'stale-commitment' or @kind = 'org-uncommitted']"/>
      <xsl:if test="$commit-risks">
        <p>Aandachtspunten:</p>
        <ul>
          <xsl:for-each select="$commit-risks">
            <li><xsl:call-template name="kngg-risk-text"/></li>
          </xsl:for-each>
        </ul>
      </xsl:if>

      <h1>Besluit</h1>
      <xsl:choose>
        <xsl:when test="$decisions">
          <xsl:variable name="last" select="$live[last()]"/>
          <xsl:if test="$last">
            <p>
              <b>Laatste besluit:</b><xsl:text> </xsl:text>
              <xsl:call-template name="kngg-decision-label"><xsl:with-param name="sig" select="$last"/></xsl:call-template>
              <xsl:text>, op </xsl:text><xsl:value-of select="$last/@date"/>
              <xsl:text> door </xsl:text><xsl:value-of select="$last/@signer"/>
              <xsl:text> (</xsl:text><xsl:value-of select="$last/@role"/>
              <xsl:if test="$last/@organisation">, <xsl:value-of select="$last/@organisation"/></xsl:if>
              <xsl:text>)</xsl:text>
              <xsl:if test="$last/@document">, vastgelegd in <i><xsl:value-of select="$last/@document"/></i></xsl:if>
              <xsl:text>.</xsl:text>
            </p>
          </xsl:if>
          <p>Alle besluiten over dit punt, ook eerdere en ingetrokken:</p>
          <xsl:call-template name="kngg-signatures-table"><xsl:with-param name="sigs" select="$decisions"/></xsl:call-template>
          <xsl:if test="$live[@decision = 'no-go']">
            <h2>Argumenten bij een no-go</h2>
            <p>Bewaard om later op terug te komen:</p>
            <ul>
              <xsl:for-each select="$live[@decision = 'no-go']/arguments/argument">
                <li><xsl:value-of select="../../@date"/>: <xsl:value-of select="."/></li>
              </xsl:for-each>
              <xsl:if test="not($live[@decision = 'no-go']/arguments/argument)"><li>Er zijn geen argumenten vastgelegd. <fill>waarom er nee is gezegd</fill></li></xsl:if>
            </ul>
            <xsl:if test="$last/@decision = 'no-go'">
              <p><fill>wat er moet veranderen om het besluit opnieuw voor te leggen, en wanneer</fill></p>
            </xsl:if>
          </xsl:if>
        </xsl:when>
        <xsl:otherwise>
          <p>Er is nog geen besluit genomen. Vul hieronder in wat er besloten is, zodra dat zo is:</p>
          <table>
            <tr><th>Besluit</th><th>Beslisser</th><th>Rol</th><th>Organisatie</th><th>Datum</th><th>Vastgelegd in</th></tr>
            <tr><td><fill>go of no-go</fill></td><td><fill>naam</fill></td><td><fill>wethouder (eventueel na een raadsbesluit)</fill></td><td><fill>organisatie</fill></td><td><fill>datum</fill></td><td><fill>beschikking of raadsbesluit</fill></td></tr>
          </table>
          <p><b>Bij een no-go:</b><xsl:text> </xsl:text><fill>de argumenten, zodat het onderwerp later opnieuw geagendeerd kan worden</fill></p>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:for-each select="readiness/sections/section/rules/rule[@kind = 'getekend' and @id = '1.5/s1' and @met = 'false']">
        <p><i>Nog nodig:</i><xsl:text> </xsl:text><xsl:call-template name="kngg-without-command"><xsl:with-param name="text" select="@text"/></xsl:call-template></p>
      </xsl:for-each>

      <xsl:call-template name="kngg-source-note"><xsl:with-param name="with-tool" select="false()"/></xsl:call-template>
    </document>
  </xsl:template>

  <xsl:template name="level-row">
    <xsl:param name="level"/>
    <xsl:variable name="all" select="$people[@level = $level]"/>
    <tr>
      <td><xsl:value-of select="$level"/></td>
      <td>
        <xsl:for-each select="$all[@committed = 'true']"><xsl:call-template name="kngg-person-name"/> (<xsl:value-of select="@organisation"/>)<xsl:if test="position() != last()">, </xsl:if></xsl:for-each>
        <xsl:if test="not($all[@committed = 'true'])">niemand</xsl:if>
      </td>
      <td>
        <xsl:for-each select="$all[not(@committed = 'true')]">
          <xsl:call-template name="kngg-person-name"/> (<xsl:value-of select="@organisation"/>, <xsl:choose><xsl:when test="assessments/assessment"><xsl:call-template name="kngg-commitment-label"><xsl:with-param name="value" select="assessments/assessment[last()]/@commitment"/></xsl:call-template></xsl:when><xsl:otherwise>nog niet geanalyseerd</xsl:otherwise></xsl:choose>)<xsl:if test="position() != last()">, </xsl:if>
        </xsl:for-each>
        <xsl:if test="not($all[not(@committed = 'true')])">-</xsl:if>
      </td>
    </tr>
  </xsl:template>
</xsl:stylesheet>
